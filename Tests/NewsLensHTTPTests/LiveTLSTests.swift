@testable import NewsLensHTTP
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// HTTPS against the real server: protocol versions, cipher suites, ALPN, the handshake deadline, TLS
/// reads and writes that block either way, close_notify, and plain HTTP on its own port beside it.
@Suite struct LiveTLSTests {
    @Test func tls13RequestsWithALPN() async throws {
        try await onOwnThread {
            let live = try LiveServer.withTLS()
            defer { live.stop() }
            let client = try live.tlsClient(.tls13)
            #expect(client.session?.version == "TLSv1.3")
            #expect(client.session?.alpn == "http/1.1")
            for _ in 0..<3 {  // keep-alive over one session
                client.send(request("GET", "/json"))
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.text == #"{"ok":true}"#)
            }
        }
    }

    @Test func tls12NegotiatesForwardSecretAEADSuite() async throws {
        try await onOwnThread {
            let live = try LiveServer.withTLS()
            defer { live.stop() }
            let client = try live.tlsClient(.tls12)
            let cipher = client.session?.cipher ?? ""
            #expect(client.session?.version == "TLSv1.2")
            #expect(cipher.hasPrefix("ECDHE-"), "\(cipher)")
            #expect(cipher.contains("GCM") || cipher.contains("CHACHA20"), "\(cipher)")
            client.send(request("POST", "/echo", body: "over TLS 1.2"))
            #expect(try client.readResponse().text == "over TLS 1.2")
        }
    }

    @Test func oldProtocolsAndWeakSuitesAreRefused() async throws {
        try await onOwnThread {
            let live = try LiveServer.withTLS()
            defer { live.stop() }
            // TLS 1.1 (RFC 8996), offered by a client that allows it.
            #expect(throws: TLSClientSession.Failure.self) { try live.tlsClient(.tls11) }
            // TLS 1.2 without forward secrecy (RSA key exchange) or without AEAD (CBC).
            var weak = TLSClientOptions.tls12
            weak.ciphers = "AES128-GCM-SHA256:AES256-SHA:ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA384"
            #expect(throws: TLSClientSession.Failure.self) { try live.tlsClient(weak) }
            // The same client code with an acceptable offer succeeds: the refusals above are the server's.
            var fine = TLSClientOptions.tls12
            fine.ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256"
            let client = try live.tlsClient(fine)
            client.send(request("GET", "/json"))
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func alpnMustAllowHTTP11() async throws {
        try await onOwnThread {
            let live = try LiveServer.withTLS()
            defer { live.stop() }
            var h2Only = TLSClientOptions()
            h2Only.alpn = ["h2"]
            #expect(throws: TLSClientSession.Failure.self) { try live.tlsClient(h2Only) }
            var both = TLSClientOptions()
            both.alpn = ["h2", "http/1.1"]
            #expect(try live.tlsClient(both).session?.alpn == "http/1.1")
            var none = TLSClientOptions()
            none.alpn = []
            let client = try live.tlsClient(none)
            #expect(client.session?.alpn == nil)
            client.send(request("GET", "/json"))
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func plainHTTPBesideHTTPSOnSeparatePorts() async throws {
        try await onOwnThread {
            let live = try LiveServer.withTLS()
            defer { live.stop() }
            #expect(live.port != live.tlsPort && live.tlsPort != 0)
            let plain = try live.client()
            plain.send(request("GET", "/json"))
            #expect(try plain.readResponse().status == 200)
            let secure = try live.tlsClient()
            secure.send(request("GET", "/json"))
            #expect(try secure.readResponse().status == 200)
            // Plain HTTP on the HTTPS port: no HTTP answer, the connection is closed.
            let wrongPort = try RawClient(port: live.tlsPort)
            wrongPort.send(request("GET", "/json"))
            #expect(wrongPort.closesWithin(5))
            #expect(!String(decoding: wrongPort.pending, as: UTF8.self).contains("HTTP/1.1"))
            // TLS on the plain port fails its handshake.
            #expect(throws: TLSClientSession.Failure.self) { try RawClient(port: live.port, tls: TLSClientOptions()) }
        }
    }

    @Test func httpsOnlyServer() async throws {
        try await onOwnThread {
            let live = try LiveServer.withTLS { $0.servesPlainHTTP = false }
            defer { live.stop() }
            #expect(live.port == 0)
            let client = try live.tlsClient()
            client.send(request("GET", "/json"))
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func stalledHandshakesAreClosedAtTheirDeadlineWithoutHoldingThreads() async throws {
        try await onOwnThread {
            let live = try LiveServer.withTLS { $0.timeouts.handshake = .milliseconds(1500) }
            defer { live.stop() }
            // Silent clients, and clients that send a fragment of a ClientHello and stop.
            var stalled: [RawClient] = []
            for i in 0..<100 {
                let client = try RawClient(port: live.tlsPort)
                if i % 2 == 1 { client.send([0x16, 0x03, 0x01, 0x02, 0x00, 0x01]) }
                stalled.append(client)
            }
            let started = MonotonicClock.now()
            // Two I/O queues and 100 stalled handshakes: a real client is still served at once.
            let client = try live.tlsClient()
            client.send(request("GET", "/json"))
            #expect(try client.readResponse().status == 200)
            let served = Double(MonotonicClock.now() - started) / 1e9
            // A server held up by the stalled handshakes would serve it only once their deadline closed them.
            #expect(served < 1.0, "served after \(served) s")
            for stalledClient in stalled { #expect(stalledClient.closesWithin(5)) }
            let closedAfter = Double(MonotonicClock.now() - started) / 1e9
            #expect(closedAfter >= 1.3, "closed after \(closedAfter) s, before the 1.5 s deadline")
            // Only the real client's connection is left.
            var open = live.server.activeConnections
            for _ in 0..<100 where open > 1 {
                usleep(10_000)
                open = live.server.activeConnections
            }
            #expect(open <= 1)
        }
    }

    @Test func connectionLimitClosesNewTLSConnectionsAtOnce() async throws {
        try await onOwnThread {
            let live = try LiveServer.withTLS { $0.limits.maxConnections = 2 }
            defer { live.stop() }
            let first = try live.tlsClient()
            let second = try live.tlsClient()
            // No 503 over TLS (it would need a handshake first): the connection is closed, the handshake fails.
            #expect(throws: TLSClientSession.Failure.self) { try live.tlsClient(timeout: 3) }
            for client in [first, second] {
                client.send(request("GET", "/json"))
                #expect(try client.readResponse().status == 200)
            }
        }
    }

    @Test func largeBodiesBothWays() async throws {
        try await onOwnThread {
            let live = try LiveServer.withTLS { $0.limits.maxBodyBytes = 4 << 20 }
            defer { live.stop() }
            let client = try live.tlsClient()
            var body = [UInt8](repeating: 0, count: 1 << 20)
            for i in body.indices { body[i] = UInt8(ascii: "a") + UInt8(i % 26) }
            client.send(Array("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body)
            let echoed = try client.readResponse()
            #expect(echoed.status == 200)
            #expect(echoed.body == body)
            // A 3 MB response to a client that reads slowly: the server's TLS writes block and resume.
            client.send(request("GET", "/big?size=3000000"))
            usleep(300_000)
            let big = try client.readResponse()
            #expect(big.body == LiveServer.bigJSON(3_000_000))
        }
    }

    @Test func pipelinedRequestsResumeAfterBackpressure() async throws {
        try await onOwnThread {
            let live = try LiveServer.withTLS()
            defer { live.stop() }
            let client = try live.tlsClient()
            // 40 requests in one write (several TLS records); 8 MB of answers stop the server's reading at
            // its output high-water mark while requests wait, decrypted, inside OpenSSL.
            client.send(String(repeating: request("GET", "/big?size=200000"), count: 40))
            usleep(500_000)
            let expected = LiveServer.bigJSON(200_000)
            for i in 0..<40 {
                do {
                    let response = try client.readResponse()
                    #expect(response.status == 200 && response.body == expected, "response \(i)")
                } catch {
                    Issue.record("response \(i): \(error); server: \(live.server.connectionStates())")
                    return
                }
            }
        }
    }

    @Test func connectionCloseEndsWithCloseNotify() async throws {
        try await onOwnThread {
            let live = try LiveServer.withTLS()
            defer { live.stop() }
            let client = try live.tlsClient()
            client.send(request("GET", "/json", ["Connection: close"]))
            #expect(try client.readResponse().status == 200)
            #expect(client.closesWithin(5))
            #expect(client.session?.receivedCloseNotify == true)
        }
    }

    @Test func clientResetMidResponseLeavesServerServing() async throws {
        try await onOwnThread {
            let live = try LiveServer.withTLS()
            defer { live.stop() }
            for _ in 0..<5 {
                let client = try live.tlsClient()
                client.send(request("GET", "/big?size=4000000"))
                usleep(20_000)
                client.reset()
            }
            let client = try live.tlsClient()
            client.send(request("GET", "/json"))
            #expect(try client.readResponse().status == 200)
        }
    }
}
