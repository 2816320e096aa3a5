import Dispatch
import NewsLensTransport
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct TransportTests {
    /// A blocking client socket connected to 127.0.0.1:port.
    static func connectClient(_ port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(result == 0)
        return fd
    }

    @Test func bindsEphemeralPortAndRefusesBadAddresses() throws {
        let socket = try ListeningSocket(host: "127.0.0.1", port: 0)
        defer { socket.close() }
        #expect(socket.address.port > 0)
        #expect(socket.address.host == "127.0.0.1")
        #expect(throws: SocketError.self) { try ListeningSocket(host: "127.0.0.1", port: socket.address.port) }
        #expect(throws: SocketError.self) { try ListeningSocket(host: "256.1.1.1", port: 0) }
        #expect(throws: SocketError.self) { try ListeningSocket(host: "127.0.0.1", port: 70000) }
    }

    @Test func listenerHandsOverNonBlockingNoDelaySockets() throws {
        let socket = try ListeningSocket(host: "127.0.0.1", port: 0)
        let queue = DispatchQueue(label: "test.accept")
        let accepted = Mutex<[AcceptedSocket]>([])
        let multiplexer = try EventMultiplexer(queue: queue)
        let listener = Listener(socket: socket, multiplexer: multiplexer, queue: queue) { sock in
            accepted.withLock { $0.append(sock) }
        }
        try queue.sync {
            multiplexer.start()
            try listener.start()
        }
        let client = Self.connectClient(socket.address.port)
        defer { close(client) }
        var waited = 0
        while accepted.withLock({ $0.isEmpty }) && waited < 200 { usleep(5_000); waited += 1 }
        let server = try #require(accepted.withLock { $0.first })
        #expect(server.peer.host == "127.0.0.1")
        #expect(fcntl(server.fileDescriptor, F_GETFL) & O_NONBLOCK != 0)
        var nodelay: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(server.fileDescriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &nodelay, &length)
        #expect(nodelay != 0)

        let stream = PlainSocketStream(fileDescriptor: server.fileDescriptor)
        var buffer = [UInt8](repeating: 0, count: 64)
        #expect(buffer.withUnsafeMutableBytes { stream.read(into: $0) } == .wouldBlock(.read))
        _ = Array("ping".utf8).withUnsafeBytes { send(client, $0.baseAddress, $0.count, 0) }
        usleep(20_000)
        #expect(buffer.withUnsafeMutableBytes { stream.read(into: $0) } == .transferred(4))
        #expect(Array(buffer[0..<4]) == Array("ping".utf8))
        #expect(Array("pong".utf8).withUnsafeBytes { stream.write($0) } == .transferred(4))
        shutdown(client, Int32(SHUT_WR))
        usleep(20_000)
        #expect(buffer.withUnsafeMutableBytes { stream.read(into: $0) } == .endOfStream)
        stream.close()
        queue.sync {
            listener.stop()
            multiplexer.stop()
        }
        socket.close()
    }

    @Test func writingToAResetPeerFailsWithoutSignal() throws {
        ProcessSignals.ignoreBrokenPipe()
        let socket = try ListeningSocket(host: "127.0.0.1", port: 0)
        defer { socket.close() }
        let client = Self.connectClient(socket.address.port)
        var fd: Int32 = -1
        for _ in 0..<200 where fd < 0 {
            fd = accept(socket.fileDescriptor, nil, nil)
            if fd < 0 { usleep(5_000) }
        }
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(client, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        close(client)
        usleep(20_000)
        let stream = PlainSocketStream(fileDescriptor: fd)
        let payload = [UInt8](repeating: 1, count: 100_000)
        var result = IOResult.transferred(0)
        for _ in 0..<5 {
            result = payload.withUnsafeBytes { stream.write($0) }
            if case .failed = result { break }
        }
        guard case .failed(let code) = result else {
            Issue.record("write to a reset peer gave \(result)")
            return
        }
        #expect(code == ECONNRESET || code == EPIPE)
        stream.close()
    }

    @Test func lastWritesLeaveWithTheCloseWhenHeld() throws {
        let socket = try ListeningSocket(host: "127.0.0.1", port: 0)
        defer { socket.close() }
        let client = Self.connectClient(socket.address.port)
        defer { close(client) }
        var fd: Int32 = -1
        for _ in 0..<200 where fd < 0 {
            fd = accept(socket.fileDescriptor, nil, nil)
            if fd < 0 { usleep(5_000) }
        }
        let stream = PlainSocketStream(fileDescriptor: fd)
        stream.holdSegmentsUntilClose()
        var cork: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, Int32(IPPROTO_TCP), TCP_CORK, &cork, &length)
        #expect(cork == 1)
        #expect(Array("last".utf8).withUnsafeBytes { stream.write($0) } == .transferred(4))
        // A partial segment is held back: nothing arrives yet (the kernel's own ceiling is 200 ms)...
        var poller = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
        #expect(poll(&poller, 1, 50) == 0)
        // ...until the close, which sends it with the FIN.
        stream.close()
        var buffer = [UInt8](repeating: 0, count: 16)
        let n = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
        #expect(n == 4)
        #expect(Array(buffer[0..<max(n, 0)]) == Array("last".utf8))
        #expect(buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) } == 0)
    }

    @Test func gatheredWriteSendsAllVectors() throws {
        var fds: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
        defer { close(fds[1]) }
        let stream = PlainSocketStream(fileDescriptor: fds[0])
        let head = Array("head|".utf8), body = Array("body".utf8)
        let result = head.withUnsafeBytes { h in
            body.withUnsafeBytes { b in
                let vectors = [
                    iovec(iov_base: UnsafeMutableRawPointer(mutating: h.baseAddress), iov_len: h.count),
                    iovec(iov_base: UnsafeMutableRawPointer(mutating: b.baseAddress), iov_len: b.count),
                ]
                return vectors.withUnsafeBufferPointer { stream.write(vectors: $0) }
            }
        }
        #expect(result == .transferred(9))
        var buffer = [UInt8](repeating: 0, count: 16)
        let n = buffer.withUnsafeMutableBytes { read(fds[1], $0.baseAddress, $0.count) }
        #expect(Array(buffer[0..<n]) == Array("head|body".utf8))
        stream.close()
    }
}

/// Addresses read from `sockaddr` storage as accept and getsockname fill it.
@Suite struct SocketAddressTests {
    static func ipv4(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, port: UInt16) -> SocketAddress? {
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { raw in
            let sin = raw.baseAddress!.assumingMemoryBound(to: sockaddr_in.self)
            sin.pointee.sin_family = sa_family_t(AF_INET)
            sin.pointee.sin_port = port.bigEndian
            sin.pointee.sin_addr.s_addr = (UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)).bigEndian
        }
        return SocketAddress(storage: &storage)
    }

    @Test func ipv4IsDottedDecimalLikeInetNtop() throws {
        for (quad, text) in [((127, 0, 0, 1), "127.0.0.1"), ((0, 0, 0, 0), "0.0.0.0"), ((255, 255, 255, 255), "255.255.255.255"),
                             ((10, 20, 100, 9), "10.20.100.9"), ((192, 168, 1, 254), "192.168.1.254")] {
            let address = try #require(Self.ipv4(UInt8(quad.0), UInt8(quad.1), UInt8(quad.2), UInt8(quad.3), port: 8080))
            #expect(address.host == text)
            #expect(address.port == 8080)
            #expect(address.description == "\(text):8080")
        }
    }

    @Test func ipv6IsBracketedInDescription() throws {
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { raw in
            let sin6 = raw.baseAddress!.assumingMemoryBound(to: sockaddr_in6.self)
            sin6.pointee.sin6_family = sa_family_t(AF_INET6)
            sin6.pointee.sin6_port = UInt16(443).bigEndian
            withUnsafeMutableBytes(of: &sin6.pointee.sin6_addr) { $0[15] = 1 }  // ::1
        }
        let address = try #require(SocketAddress(storage: &storage))
        #expect(address.host == "::1")
        #expect(address.description == "[::1]:443")
    }
}

/// Bodies mirrored in files for sendfile.
@Suite struct BodyFileTests {
    @Test func holdsTheBytes() throws {
        let bytes = (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let file = try #require(BodyFile(bytes))
        var back = [UInt8](repeating: 0, count: bytes.count)
        let n = back.withUnsafeMutableBytes { pread(file.fileDescriptor, $0.baseAddress, $0.count, 0) }
        #expect(n == bytes.count)
        #expect(back == bytes)
        #expect(file.count == bytes.count)
        #expect(BodyFile.budget > 0)
        withExtendedLifetime(file) {
            #expect(BodyFile.openCount >= 1)  // other tests may hold some too
            #expect(BodyFile.openBytes >= 20_480)  // charged in whole pages
        }
    }

    @Test func cannotBeChangedThroughItsDescriptor() throws {
        let file = try #require(BodyFile([1, 2, 3]))
        var byte: UInt8 = 9
        #expect(pwrite(file.fileDescriptor, &byte, 1, 0) == -1)
        #expect(ftruncate(file.fileDescriptor, 0) == -1)
        var back: UInt8 = 0
        #expect(pread(file.fileDescriptor, &back, 1, 0) == 1)
        #expect(back == 1)
        withExtendedLifetime(file) {}
    }

    @Test func livesInThePageCacheOfADiskDirectoryOrInAMemfd() throws {
        let file = try #require(BodyFile([UInt8](repeating: 5, count: 10_000)))
        var link = [CChar](repeating: 0, count: 256)
        let n = readlink("/proc/self/fd/\(file.fileDescriptor)", &link, link.count - 1)
        #expect(n > 0)
        let target = String(decoding: link.prefix(max(n, 0)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let isMemfd = target.hasPrefix("/memfd:newslens-body")
        // O_TMPFILE: a nameless file in the directory, shown as "/dir/#inode (deleted)"; a memfd when the
        // directory is tmpfs (then `directory` is empty) or refuses O_TMPFILE.
        let isTemporaryFile = !BodyFile.directory.isEmpty && target.hasPrefix(BodyFile.directory)
            && target.hasSuffix("(deleted)")
        #expect(isMemfd || isTemporaryFile, "\(target)")
        if BodyFile.directory.isEmpty { #expect(isMemfd, "\(target)") }
        withExtendedLifetime(file) {}
    }

    @Test func refusesBodiesBeyondTheByteBudget() {
        #expect(BodyFile([UInt8](repeating: 7, count: BodyFile.byteBudget + 1)) == nil)
        #expect(BodyFile.openBytes <= BodyFile.byteBudget)
    }
}
