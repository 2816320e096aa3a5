import CZlib

/// gzip (RFC 1952) through zlib: the server compresses responses with it and the store caches its output,
/// so both share this one small API over byte arrays.
public enum Gzip {
    /// Errors zlib reports while decompressing; compressing valid input never fails short of memory exhaustion.
    public enum Failure: Error, Equatable {
        case zlib(code: Int32)
        case truncatedInput
        case outputTooLarge(limit: Int)
    }

    /// Default level for responses compressed per request: most of level 9's ratio at a fraction of its cost.
    public static let defaultLevel: Int32 = 6

    /// Compresses `bytes` into one gzip member. `level` is zlib's 0 (store) … 9 (smallest).
    public static func compress(_ bytes: [UInt8], level: Int32 = defaultLevel) -> [UInt8] {
        bytes.withUnsafeBytes { compress($0, level: level) }
    }

    /// Compresses raw memory; used when the caller holds bytes in a buffer rather than an array.
    public static func compress(_ input: UnsafeRawBufferPointer, level: Int32 = defaultLevel) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16 selects the gzip wrapper instead of zlib's own.
        let initCode = deflateInit2_(
            &stream, max(0, min(9, level)), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
            zlibVersion(), Int32(MemoryLayout<z_stream>.size)
        )
        precondition(initCode == Z_OK, "deflateInit2 failed (\(initCode)): out of memory")
        defer { deflateEnd(&stream) }
        // deflateBound covers the zlib wrapper (6 bytes); gzip's header and trailer take 18.
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 12
        var output = [UInt8](repeating: 0, count: bound)
        let produced: Int = output.withUnsafeMutableBytes { out in
            stream.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(out.count)
            let code = deflate(&stream, Z_FINISH)
            precondition(code == Z_STREAM_END, "deflate into a deflateBound-sized buffer must finish (\(code))")
            return out.count - Int(stream.avail_out)
        }
        output.removeSubrange(produced...)
        return output
    }

    /// Decompresses gzip (or zlib) data, refusing to produce more than `limit` bytes (a guard against
    /// decompression bombs when the input comes from a client).
    public static func decompress(_ bytes: [UInt8], limit: Int = 256 << 20) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 32: detect gzip or zlib headers automatically.
        let initCode = inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initCode == Z_OK else { throw .zlib(code: initCode) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, max(64, bytes.count * 4)))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var failure: Failure?
        bytes.withUnsafeBytes { input in
            stream.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            while true {
                let (code, produced) = chunk.withUnsafeMutableBytes { out -> (Int32, Int) in
                    stream.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(out.count)
                    let code = inflate(&stream, Z_NO_FLUSH)
                    return (code, out.count - Int(stream.avail_out))
                }
                if output.count + produced > limit { failure = .outputTooLarge(limit: limit); return }
                output.append(contentsOf: chunk[0..<produced])
                switch code {
                case Z_STREAM_END: return
                case Z_OK: if stream.avail_in == 0 && produced == 0 { failure = .truncatedInput; return }
                case Z_BUF_ERROR: failure = .truncatedInput; return
                default: failure = .zlib(code: code); return
                }
            }
        }
        if let failure { throw failure }
        return output
    }
}
