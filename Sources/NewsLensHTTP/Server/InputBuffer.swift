#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A connection's receive buffer: raw memory read into and parsed in place. Bytes live in
/// `start..<end`; consumed bytes are dropped by moving `start`, and the rest is moved to the front only when
/// the free tail gets small. Grows (up to a limit) only while a single request head needs more room.
struct InputBuffer {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var capacity: Int
    private(set) var start = 0
    private(set) var end = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    var count: Int { end - start }
    var isEmpty: Bool { start == end }

    /// The unconsumed bytes. Valid until the next mutation.
    var readable: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base + start, count: end - start) }

    mutating func consume(_ n: Int) {
        start += n
        if start == end { start = 0; end = 0 }
    }

    mutating func consumeAll() { start = 0; end = 0 }

    /// Free space to read into: at least `minimum` bytes when possible, moving data to the front or growing
    /// the buffer up to `maxCapacity`. Returns an empty buffer when full at `maxCapacity`.
    mutating func writableSpace(minimum: Int, maxCapacity: Int) -> UnsafeMutableRawBufferPointer {
        if capacity - end < minimum && start > 0 {
            let n = end - start
            memmove(base, base + start, n)
            start = 0
            end = n
        }
        if capacity - end < minimum && capacity < maxCapacity {
            let newCapacity = min(maxCapacity, max(capacity * 2, end + minimum))
            let grown = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
            grown.copyMemory(from: base + start, byteCount: end - start)
            base.deallocate()
            base = grown
            end -= start
            start = 0
            capacity = newCapacity
        }
        return UnsafeMutableRawBufferPointer(start: base + end, count: capacity - end)
    }

    mutating func didWrite(_ n: Int) { end += n }

    /// Shrinks back to `capacity` after a large request, once empty.
    mutating func shrinkIfIdle(to target: Int) {
        guard isEmpty, capacity > target else { return }
        base.deallocate()
        base = UnsafeMutableRawPointer.allocate(byteCount: target, alignment: 16)
        capacity = target
    }

    func deallocate() { base.deallocate() }
}
