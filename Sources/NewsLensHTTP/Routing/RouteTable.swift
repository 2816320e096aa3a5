#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The routes compiled for matching: literal bytes in one pool, segments and entries as plain structs in flat
/// arrays, entries grouped by segment count. Trying a request against every candidate then touches no
/// reference-counted object (matching through the `Route` objects retained and released ~18 times per
/// request, callgrind). Built while routes are added, before the server starts; only read afterwards.
struct RouteTable {
    private struct Segment {
        var isParameter: Bool
        /// Literal bytes in `pool`.
        var start: Int
        var count: Int
    }

    struct Entry {
        /// Index of the route in the router's list.
        var route: Int
        var method: HTTPMethod
        fileprivate var firstSegment: Int
    }

    private var pool: [UInt8] = []
    private var segments: [Segment] = []
    private var entriesBySegmentCount: [[Entry]] = []

    /// Longest pattern, in segments: a path with more matches nothing.
    var maxSegments: Int { entriesBySegmentCount.count - 1 }

    mutating func add(_ pattern: RoutePattern, method: HTTPMethod, route: Int) {
        let first = segments.count
        for segment in pattern.segments {
            switch segment {
            case .literal(let bytes):
                segments.append(Segment(isParameter: false, start: pool.count, count: bytes.count))
                pool.append(contentsOf: bytes)
            case .parameter:
                segments.append(Segment(isParameter: true, start: 0, count: 0))
            }
        }
        let count = pattern.segments.count
        while entriesBySegmentCount.count <= count { entriesBySegmentCount.append([]) }
        entriesBySegmentCount[count].append(Entry(route: route, method: method, firstSegment: first))
    }

    /// Calls `body` with every entry whose pattern matches `path` (the bytes after the leading '/') cut at
    /// `bounds`, one range per segment: literals byte for byte, parameters any non-empty segment.
    func forEachMatch(_ path: UnsafeRawBufferPointer, _ bounds: UnsafeBufferPointer<Range<Int>>, _ body: (Entry) -> Void) {
        guard bounds.count < entriesBySegmentCount.count else { return }
        pool.withUnsafeBytes { pool in
            segments.withUnsafeBufferPointer { segments in
                entriesBySegmentCount[bounds.count].withUnsafeBufferPointer { entries in
                    candidates: for entry in entries {
                        for (k, range) in bounds.enumerated() {
                            let segment = segments[entry.firstSegment + k]
                            if segment.isParameter {
                                if range.isEmpty { continue candidates }
                            } else if segment.count != range.count
                                        || (range.count > 0
                                            && memcmp(pool.baseAddress! + segment.start, path.baseAddress! + range.lowerBound, range.count) != 0)
                            {
                                continue candidates
                            }
                        }
                        body(entry)
                    }
                }
            }
        }
    }
}
