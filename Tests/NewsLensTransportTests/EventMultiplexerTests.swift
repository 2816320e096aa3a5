import Dispatch
@testable import NewsLensTransport
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct EventMultiplexerTests {
    final class Recorder: ReadinessHandler, @unchecked Sendable {
        let events = Mutex<[(Bool, Bool)]>([])
        let fd: Int32
        let drainOnRead: Bool
        init(fd: Int32, drainOnRead: Bool) {
            self.fd = fd
            self.drainOnRead = drainOnRead
        }
        func descriptorReady(readable: Bool, writable: Bool) {
            events.withLock { $0.append((readable, writable)) }
            if readable && drainOnRead {
                var buffer = [UInt8](repeating: 0, count: 64)
                _ = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            }
        }
        var count: Int { events.withLock { $0.count } }
    }

    static func waitUntil(_ condition: () -> Bool) {
        var waited = 0
        while !condition() && waited < 200 { usleep(5_000); waited += 1 }
    }

    @Test func reportsReadabilityLevelTriggeredUntilUnregistered() throws {
        var fds: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
        let queue = DispatchQueue(label: "test.mux")
        let mux = try EventMultiplexer(queue: queue)
        queue.sync { mux.start() }
        let quiet = Recorder(fd: fds[0], drainOnRead: false)
        let token = try queue.sync { try mux.register(fds[0], interest: .read, handler: quiet) }
        usleep(30_000)
        #expect(quiet.count == 0)  // nothing to read yet

        _ = write(fds[1], "x", 1)
        Self.waitUntil { quiet.count >= 3 }
        // Level-triggered: the unread byte is reported again and again.
        #expect(quiet.count >= 3)
        #expect(quiet.events.withLock { $0.allSatisfy { $0.0 && !$0.1 } })

        queue.sync { mux.update(token, interest: .write) }
        let before = quiet.count
        Self.waitUntil { quiet.count > before }
        #expect(quiet.events.withLock { $0.last!.1 })  // writable now

        queue.sync { mux.unregister(token) }
        let afterUnregister = quiet.count
        usleep(30_000)
        #expect(quiet.count <= afterUnregister + 1)  // at most one event already in flight
        #expect(mux.registered == 0)
        queue.sync { mux.stop() }
    }

    @Test func reportsHangupAsReadable() throws {
        var fds: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
        defer { close(fds[0]) }
        let queue = DispatchQueue(label: "test.mux.hup")
        let mux = try EventMultiplexer(queue: queue)
        queue.sync { mux.start() }
        let recorder = Recorder(fd: fds[0], drainOnRead: true)
        let token = try queue.sync { try mux.register(fds[0], interest: [], handler: recorder) }
        close(fds[1])  // hang-up is reported even without read interest
        Self.waitUntil { recorder.count > 0 }
        #expect(recorder.events.withLock { $0.first?.0 == true })
        queue.sync { mux.unregister(token); mux.stop() }
    }

    /// Work that finishes after the stop (an offloaded handler) may still wake the multiplexer: the write
    /// must land in its own eventfd, not in a descriptor opened since under a number the stop freed.
    @Test func wakeUpAfterStopWritesOnlyToItsOwnEventfd() throws {
        let queue = DispatchQueue(label: "test.mux.late")
        let mux = try EventMultiplexer(queue: queue)
        queue.sync { mux.start() }
        queue.sync { mux.stop() }
        usleep(50_000)
        queue.sync {}  // the cancel handler has run
        let wake = mux.wakeFD
        var target = [CChar](repeating: 0, count: 256)
        let length = readlink("/proc/self/fd/\(wake)", &target, target.count - 1)
        #expect(length > 0 && String(cString: target) == "anon_inode:[eventfd]", "descriptor \(wake) is no longer the eventfd")
        mux.wakeUp()
        var value: UInt64 = 0
        #expect(read(wake, &value, 8) == 8 && value == 1, "the wake-up did not land in the multiplexer's eventfd")
    }
}
