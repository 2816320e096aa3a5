/// Finds a calendar date (and time, and zone) in a short line and writes it as ISO 8601:
/// "2006-11-06 15:37" → `2006-11-06T15:37:00`, "Nov. 6, 2006 3:37 p.m. EST" → `2006-11-06T15:37:00-05:00`,
/// "Monday, 6 November 2006" → `2006-11-06`, "11/06/2006" (US order) → `2006-11-06`.
/// Only runs on a few header lines per article, so it works on Strings.
public enum DateParser {
    /// The ISO 8601 form of the first date in `line` (with the time and zone that follow it), or nil.
    public static func parse(_ line: String) -> String? {
        let words = lex(line)
        var date: (y: Int, m: Int, d: Int)?
        var time: (h: Int, m: Int, s: Int)?
        var zone: String?
        var dateEnd = 0
        var i = 0
        while i < words.count, date == nil {
            let w = words[i]
            if let iso = parseISO(w) {
                date = (iso.y, iso.m, iso.d); time = iso.time; zone = iso.zone
                dateEnd = i + 1
            } else if let md = parseSlashed(w) {
                date = md; dateEnd = i + 1
            } else if let m = month(w), i + 1 < words.count, let d = day(words[i + 1]) {
                // Month D[,] YYYY
                if i + 2 < words.count, let y = year(words[i + 2]) { date = (y, m, d); dateEnd = i + 3 }
            } else if let d = day(w), i + 1 < words.count, let m = month(words[i + 1]) {
                // D Month YYYY
                if i + 2 < words.count, let y = year(words[i + 2]) { date = (y, m, d); dateEnd = i + 3 }
            }
            i += 1
        }
        guard let date, (1...12).contains(date.m), (1...31).contains(date.d), date.y >= 1900, date.y <= 2100 else {
            return nil
        }
        if time == nil {
            var k = dateEnd
            while k < words.count {
                if let t = parseTime(words, &k) { time = t.time; zone = t.zone ?? zone; break }
                k += 1
            }
        }
        var iso = "\(pad(date.y, 4))-\(pad(date.m))-\(pad(date.d))"
        if let time {
            iso += "T\(pad(time.h)):\(pad(time.m)):\(pad(time.s))"
            if let zone {
                if zone == "Z" || zone.hasPrefix("+") || zone.hasPrefix("-") { iso += zone }
                else { iso += offset(zone, year: date.y, month: date.m, day: date.d) ?? "" }
            }
        }
        return iso
    }

    // MARK: pieces

    /// Words of the line: letter runs (keeping "a.m."), number runs with their `-:/.T+Z` connectors.
    static func lex(_ line: String) -> [Substring] {
        var out = [Substring]()
        var start: String.Index?
        var numeric = false
        var i = line.startIndex
        func close(_ at: String.Index) {
            if let s = start {
                var w = line[s..<at]
                while let last = w.last, last == "." || last == "-" || last == "/" || last == ":" || last == "+" { w = w.dropLast() }
                if !w.isEmpty { out.append(w) }
            }
            start = nil
        }
        while i < line.endIndex {
            let c = line[i]
            if let s = start {
                let keep = numeric
                    ? (c.isNumber || ":-/.TZ+".contains(c))
                    : (c.isLetter || (c == "." && line[s..<i].count <= 2))
                if !keep { close(i) }
            }
            if start == nil, c.isLetter || c.isNumber {
                start = i
                numeric = c.isNumber
            }
            i = line.index(after: i)
        }
        close(line.endIndex)
        // "3rd", "21st": the ordinal suffix lexes as a word of its own; drop it.
        var k = 1
        while k < out.count {
            if let f = out[k - 1].first, f.isNumber, ["st", "nd", "rd", "th"].contains(out[k].lowercased()) { out.remove(at: k) }
            else { k += 1 }
        }
        return out
    }

    static func parseISO(_ w: Substring) -> (y: Int, m: Int, d: Int, time: (h: Int, m: Int, s: Int)?, zone: String?)? {
        let c = Array(w)
        guard c.count >= 10, c[4] == "-", c[7] == "-", let y = Int(String(c[0..<4])), let m = Int(String(c[5..<7])),
              let d = Int(String(c[8..<10])) else { return nil }
        guard c.count > 10 else { return (y, m, d, nil, nil) }
        guard c[10] == "T" else { return nil }
        var rest = Array(c[11...])
        var zone: String?
        if rest.last == "Z" { zone = "Z"; rest.removeLast() }
        else if rest.count >= 6, let sign = rest.dropLast(5).last, sign == "+" || sign == "-",
                rest[rest.count - 3] == ":" {
            zone = String(rest[(rest.count - 6)...])
            rest.removeLast(6)
        }
        let parts = String(rest).split(separator: ":").compactMap { Int($0.prefix(2)) }
        guard parts.count >= 2 else { return (y, m, d, nil, zone) }
        return (y, m, d, (parts[0], parts[1], parts.count > 2 ? parts[2] : 0), zone)
    }

    static func parseSlashed(_ w: Substring) -> (y: Int, m: Int, d: Int)? {
        let p = w.split(separator: "/")
        guard p.count == 3, let a = Int(p[0]), let b = Int(p[1]), var y = Int(p[2]) else { return nil }
        if p[2].count == 2 { y += y < 70 ? 2000 : 1900 }
        if a > 12 && b <= 12 { return (y, b, a) }  // day first when it cannot be a month
        return (y, a, b)
    }

    static func parseTime(_ words: [Substring], _ k: inout Int) -> (time: (h: Int, m: Int, s: Int), zone: String?)? {
        let w = words[k]
        let parts = w.split(separator: ":")
        var h: Int, m = 0, s = 0
        if parts.count >= 2, let hh = Int(parts[0]), let mm = Int(parts[1].prefix(2)) {
            h = hh; m = mm; s = parts.count > 2 ? Int(parts[2].prefix(2)) ?? 0 : 0
        } else if let hh = Int(w), hh <= 12, k + 1 < words.count, meridiem(words[k + 1]) != nil {
            h = hh
        } else {
            return nil
        }
        guard h < 24, m < 60 else { return nil }
        var next = k + 1
        if next < words.count, let pm = meridiem(words[next]) {
            if pm && h < 12 { h += 12 }
            if !pm && h == 12 { h = 0 }
            next += 1
        }
        var zone: String?
        if next < words.count, zones[words[next].uppercased()] != nil { zone = words[next].uppercased() }
        k = next
        return ((h, m, s), zone)
    }

    static func meridiem(_ w: Substring) -> Bool? {
        switch String(w.lowercased().filter { $0 != "." }) {
        case "pm": return true
        case "am": return false
        default: return nil
        }
    }

    static func month(_ w: Substring) -> Int? {
        let lower = String(w.lowercased().filter { $0 != "." })
        guard lower.count >= 3 else { return nil }
        for (i, name) in monthNames.enumerated() where name.hasPrefix(lower) && (lower.count == 3 || lower == name || lower == "sept") {
            return i + 1
        }
        return lower == "sept" ? 9 : nil
    }

    static func day(_ w: Substring) -> Int? {
        var digits = w
        for suffix in ["st", "nd", "rd", "th"] where digits.lowercased().hasSuffix(suffix) { digits = digits.dropLast(2) }
        guard digits.count <= 2, let d = Int(digits), (1...31).contains(d) else { return nil }
        return d
    }

    static func year(_ w: Substring) -> Int? {
        guard w.count == 4, let y = Int(w) else { return nil }
        return y
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                             "september", "october", "november", "december"]

    /// Zone abbreviations → (standard offset, daylight-saving offset for the US "ET/CT/MT/PT" forms).
    static let zones: [String: (String, String?)] = [
        "GMT": ("+00:00", nil), "UTC": ("+00:00", nil), "Z": ("Z", nil), "BST": ("+01:00", nil),
        "CET": ("+01:00", nil), "CEST": ("+02:00", nil), "EET": ("+02:00", nil), "EEST": ("+03:00", nil),
        "MSK": ("+03:00", nil), "IST": ("+05:30", nil), "JST": ("+09:00", nil), "KST": ("+09:00", nil),
        "HKT": ("+08:00", nil), "SGT": ("+08:00", nil), "AEST": ("+10:00", nil), "AEDT": ("+11:00", nil),
        "EST": ("-05:00", nil), "EDT": ("-04:00", nil), "CST": ("-06:00", nil), "CDT": ("-05:00", nil),
        "MST": ("-07:00", nil), "MDT": ("-06:00", nil), "PST": ("-08:00", nil), "PDT": ("-07:00", nil),
        "ET": ("-05:00", "-04:00"), "CT": ("-06:00", "-05:00"), "MT": ("-07:00", "-06:00"), "PT": ("-08:00", "-07:00"),
    ]

    /// Offset of a zone; the generic US zones ("ET", "PT") take daylight time between the second Sunday of
    /// March and the first Sunday of November (US rule since 2007).
    static func offset(_ zone: String, year: Int, month: Int, day: Int) -> String? {
        guard let z = zones[zone] else { return nil }
        guard let dst = z.1 else { return z.0 }
        let start = nthSunday(2, year: year, month: 3), end = nthSunday(1, year: year, month: 11)
        let inDST = (month > 3 && month < 11) || (month == 3 && day >= start) || (month == 11 && day < end)
        return inDST ? dst : z.0
    }

    /// Day of the month of the n-th Sunday.
    static func nthSunday(_ n: Int, year: Int, month: Int) -> Int {
        let first = weekday(year: year, month: month, day: 1)  // 0 = Sunday
        return 1 + (7 - first) % 7 + 7 * (n - 1)
    }

    /// Day of the week (0 = Sunday) by Sakamoto's method.
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + t[month - 1] + day) % 7
    }

    static func pad(_ v: Int, _ width: Int = 2) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
