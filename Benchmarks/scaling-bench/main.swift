#if canImport(Glibc)
import Glibc
#endif

// scaling-bench [--base KiB] [--only TEXT] [--budget SECONDS]
// Feeds every pathological input family at sizes n, 2n, 4n, 8n (n = 128 KiB: up to 1 MiB) through what
// the API runs on it and prints CPU time per size and the growth ratios: a linear scan doubles (≈ 2×) with
// each doubling of the input, a quadratic one quadruples. Figures, not pass/fail: read the table.

let arguments = Array(CommandLine.arguments.dropFirst())
func value(after flag: String) -> String? {
    guard let i = arguments.firstIndex(of: flag), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let baseKiB = value(after: "--base").flatMap(Int.init) ?? 128
let only = value(after: "--only")
var runner = ScalingRunner()
if let budget = value(after: "--budget").flatMap(Double.init) { runner.budgetSeconds = budget }

let sizes = [1, 2, 4, 8].map { $0 * baseKiB * 1024 }
let families = (TextFamilies.all + MarkupFamilies.html + MarkupFamilies.json)
    .filter { only == nil || $0.label.contains(only!) }

// Loads the lexicons and gazetteers before anything is timed.
_ = runner.process(TextFamilies.all[0], Array("Warm-up: \"Hello,\" said John Smith of Acme Corp.".utf8))

func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let count = text.count
    if count >= width { return text }
    let fill = String(repeating: " ", count: width - count)
    return left ? fill + text : text + fill
}

func format(_ seconds: Double?) -> String {
    guard let seconds else { return "—" }
    if seconds < 0.001 { return String(format: "%.3f ms", seconds * 1000) }
    if seconds < 10 { return String(format: "%.1f ms", seconds * 1000) }
    return String(format: "%.1f s", seconds)
}

print("CPU time per input (best of up to 3 runs), one thread; ratios: each size against the one before")
var header = pad("family", 32)
for size in sizes { header += pad("\(size / 1024) KiB", 12, left: true) }
print(header + "   ratios            growth  peak RSS")
var superLinear: [String] = []
for family in families {
    let measured = runner.measure(family, sizes: sizes)
    var line = pad(family.label, 32)
    for seconds in measured.seconds { line += pad(format(seconds), 12, left: true) }
    var ratios: [String] = []
    for i in 1..<sizes.count {
        if let a = measured.seconds[i - 1], let b = measured.seconds[i], a > 0 {
            ratios.append(String(format: "%.2f", b / a))
        } else {
            ratios.append("—")
        }
    }
    // Growth exponent over the whole range: 1 = linear, 2 = quadratic.
    var growth = "?"
    if let first = measured.seconds.first ?? nil, let lastIndex = measured.seconds.lastIndex(where: { $0 != nil }),
       lastIndex > 0, let last = measured.seconds[lastIndex], first > 0 {
        let exponent = log2(last / first) / Double(lastIndex)
        growth = String(format: "n^%.2f", exponent)
        // Tiny times are noise; a super-linear family is one whose big input is also slow.
        if exponent > 1.3 && last > 0.02 { superLinear.append(family.label) }
    }
    line += "   " + pad(ratios.joined(separator: " "), 18) + pad(growth, 8)
    line += String(format: "%6.0f MiB", peakResidentMiB())
    if !measured.outcome.isEmpty { line += "  (\(measured.outcome))" }
    print(line)
}
print(superLinear.isEmpty ? "every family grows linearly (n^1.3 or less)" : "SUPER-LINEAR: \(superLinear.joined(separator: ", "))")
