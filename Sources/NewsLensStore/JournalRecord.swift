/// The records of the journal and of snapshots, and their framing on disk:
///
///     u32 LE payload length | u32 LE CRC-32C of (length bytes + payload) | payload
///
/// A payload starts with its type. A put carries what a restart needs without the engine: the stored
/// analysis JSON (decoded again on start) and its gzip (so a restart does not recompress everything).
enum JournalRecord: Sendable, Equatable {
    /// First record of every file.
    case header(kind: FileKind, generation: UInt64, nextSeq: UInt64)
    case put(PutRecord)
    case delete(seq: UInt64, contentID: ContentID)
    /// Last record of a complete snapshot.
    case snapshotEnd(count: UInt64)

    enum FileKind: UInt8, Sendable { case journal = 1, snapshot = 2 }

    static let formatVersion: UInt8 = 1
    /// Larger lengths are taken for corruption (an article's JSON is far smaller).
    static let maxPayload = 512 << 20
    static let frameOverhead = 8

    private enum Tag: UInt8 { case header = 1, put = 2, delete = 3, snapshotEnd = 4 }

    /// The framed bytes of this record.
    func framed() -> [UInt8] {
        var p = RecordWriter()
        switch self {
        case .header(let kind, let generation, let nextSeq):
            p.u8(Tag.header.rawValue); p.u8(Self.formatVersion); p.u8(kind.rawValue); p.u64(generation); p.u64(nextSeq)
        case .put(let r):
            p.u8(Tag.put.rawValue); p.u64(r.seq); p.u64(UInt64(bitPattern: r.createdAtMillis)); p.contentID(r.contentID)
            p.blob16(Array(r.id.utf8)); p.blob32(r.json); p.blob32(r.gzip)
        case .delete(let seq, let contentID):
            p.u8(Tag.delete.rawValue); p.u64(seq); p.contentID(contentID)
        case .snapshotEnd(let count):
            p.u8(Tag.snapshotEnd.rawValue); p.u64(count)
        }
        var out = RecordWriter()
        out.u32(UInt32(p.bytes.count))
        out.u32(0)
        out.bytes.append(contentsOf: p.bytes)
        let crc = out.bytes.withUnsafeBytes { b in
            CRC32C.checksum(UnsafeRawBufferPointer(rebasing: b[8...]), continuing: CRC32C.checksum(UnsafeRawBufferPointer(rebasing: b[0..<4])))
        }
        for k in 0..<4 { out.bytes[4 + k] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(k))) }
        return out.bytes
    }

    /// The record framed at `offset`, and the offset after it; nil when the frame is incomplete, its
    /// checksum is wrong or its payload is malformed.
    static func read(_ buf: UnsafeRawBufferPointer, at offset: Int) -> (JournalRecord, Int)? {
        guard buf.count - offset >= frameOverhead else { return nil }
        let length = Int(le32(buf, offset))
        guard length > 0, length <= maxPayload, length <= buf.count - offset - frameOverhead else { return nil }
        let stored = le32(buf, offset + 4)
        let start = offset + frameOverhead
        let payload = UnsafeRawBufferPointer(rebasing: buf[start..<(start + length)])
        // Cheap check of the type byte before checksumming.
        guard let tag = Tag(rawValue: payload[0]) else { return nil }
        let crc = CRC32C.checksum(payload, continuing: CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buf[offset..<(offset + 4)])))
        guard crc == stored else { return nil }
        var r = RecordReader(buf: payload, i: 1)
        let record: JournalRecord?
        switch tag {
        case .header:
            guard r.u8() == formatVersion, let k = r.u8().flatMap(FileKind.init), let g = r.u64(), let n = r.u64() else { return nil }
            record = .header(kind: k, generation: g, nextSeq: n)
        case .put:
            guard let seq = r.u64(), let created = r.u64(), let cid = r.contentID(), let id = r.blob16(),
                  let json = r.blob32(), let gzip = r.blob32() else { return nil }
            record = .put(PutRecord(seq: seq, createdAtMillis: Int64(bitPattern: created), contentID: cid,
                                    id: String(decoding: id, as: UTF8.self), json: json, gzip: gzip))
        case .delete:
            guard let seq = r.u64(), let cid = r.contentID() else { return nil }
            record = .delete(seq: seq, contentID: cid)
        case .snapshotEnd:
            guard let n = r.u64() else { return nil }
            record = .snapshotEnd(count: n)
        }
        guard let record, r.i == payload.count else { return nil }
        return (record, start + length)
    }

    private static func le32(_ b: UnsafeRawBufferPointer, _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}

/// A stored article as journaled.
struct PutRecord: Sendable, Equatable {
    var seq: UInt64
    var createdAtMillis: Int64
    var contentID: ContentID
    var id: String
    var json: [UInt8]
    var gzip: [UInt8]
}

extension PutRecord {
    init(_ a: StoredArticle) {
        self.init(seq: a.seq, createdAtMillis: a.createdAtMillis, contentID: a.contentID, id: a.id, json: a.json, gzip: a.gzip)
    }
}

private struct RecordWriter {
    var bytes: [UInt8] = []
    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) { for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(k)))) } }
    mutating func u64(_ v: UInt64) { for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(k)))) } }
    mutating func contentID(_ c: ContentID) { for w in [c.words.0, c.words.1, c.words.2, c.words.3] { u64(w) } }
    mutating func blob16(_ b: [UInt8]) { let n = min(b.count, 0xFFFF); u8(UInt8(n & 0xFF)); u8(UInt8(n >> 8)); bytes.append(contentsOf: b.prefix(n)) }
    mutating func blob32(_ b: [UInt8]) {
        bytes.reserveCapacity(bytes.count + 4 + b.count)
        u32(UInt32(b.count))
        bytes.append(contentsOf: b)
    }
}

private struct RecordReader {
    let buf: UnsafeRawBufferPointer
    var i: Int
    mutating func u8() -> UInt8? {
        guard i < buf.count else { return nil }
        defer { i += 1 }
        return buf[i]
    }
    mutating func u64() -> UInt64? {
        guard buf.count - i >= 8 else { return nil }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(buf[i + k]) << (8 * UInt64(k)) }
        i += 8
        return v
    }
    mutating func contentID() -> ContentID? {
        guard let a = u64(), let b = u64(), let c = u64(), let d = u64() else { return nil }
        return ContentID(words: (a, b, c, d))
    }
    mutating func blob16() -> [UInt8]? {
        guard let lo = u8(), let hi = u8() else { return nil }
        return take(Int(lo) | Int(hi) << 8)
    }
    mutating func blob32() -> [UInt8]? {
        guard buf.count - i >= 4 else { return nil }
        let n = Int(UInt32(buf[i]) | UInt32(buf[i + 1]) << 8 | UInt32(buf[i + 2]) << 16 | UInt32(buf[i + 3]) << 24)
        i += 4
        return take(n)
    }
    private mutating func take(_ n: Int) -> [UInt8]? {
        guard n >= 0, buf.count - i >= n else { return nil }
        defer { i += n }
        return Array(UnsafeRawBufferPointer(rebasing: buf[i..<(i + n)]))
    }
}
