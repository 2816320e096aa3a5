import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a setting from its flag or, failing that, its environment variable, and parses it with an error
/// message that names where the bad value came from.
struct SettingsReader {
    func text(_ flag: String?, _ variable: String, allowEmpty: Bool = false) -> String? {
        if let flag { return flag }
        guard let raw = getenv(variable) else { return nil }
        let value = String(cString: raw)
        return value.isEmpty && !allowEmpty ? nil : value
    }

    func integer(_ flag: String?, _ variable: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = text(flag, variable) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw ValidationError("\(origin(flag, variable)) '\(value)' must be a whole number in \(range.lowerBound)...\(range.upperBound).")
        }
        return number
    }

    /// Bytes: "4194304", "512KiB", "4MiB", "1GiB" (also KB/MB/K/M as binary multiples).
    func size(_ flag: String?, _ variable: String) throws -> Int? {
        guard let value = text(flag, variable) else { return nil }
        let lower = value.lowercased().filter { $0 != " " }
        let units: [(String, Int)] = [("kib", 1 << 10), ("mib", 1 << 20), ("gib", 1 << 30), ("kb", 1 << 10),
                                      ("mb", 1 << 20), ("gb", 1 << 30), ("k", 1 << 10), ("m", 1 << 20), ("g", 1 << 30)]
        var number = lower
        var multiplier = 1
        for (suffix, factor) in units where lower.hasSuffix(suffix) {
            number = String(lower.dropLast(suffix.count))
            multiplier = factor
            break
        }
        guard let count = Int(number), count > 0, count <= Int.max / multiplier else {
            throw ValidationError("\(origin(flag, variable)) '\(value)' is not a size (e.g. 4194304, 512KiB, 4MiB).")
        }
        return count * multiplier
    }

    /// Seconds, decimals allowed: "10", "0.25".
    func duration(_ flag: String?, _ variable: String) throws -> Duration? {
        guard let value = text(flag, variable) else { return nil }
        guard let seconds = Double(value), seconds > 0, seconds < 1e9 else {
            throw ValidationError("\(origin(flag, variable)) '\(value)' is not a positive number of seconds.")
        }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    private func origin(_ flag: String?, _ variable: String) -> String {
        flag != nil ? "Option value" : "Environment variable \(variable) value"
    }
}
