/// Exact conversion of decimal text (`0.55`, `0,55`, `1234`) into scaled integers.
///
/// Money and distances must never pass through floating point: `0.55` euro per km becomes
/// exactly 550,000 micro-euros with `scaled("0.55", decimals: 6)`.
public enum DecimalText {
    /// Parses `text` as a decimal number with a point or a comma and returns it multiplied by
    /// 10^decimals; nil if it is not a number or has more fractional digits than `decimals`.
    public static func scaled(_ text: some StringProtocol, decimals: Int) -> Int? {
        var s = Substring(text).trimmingSpaces
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        let parts = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard (1...2).contains(parts.count) else { return nil }
        let whole = parts[0].filter { $0 != "_" }
        let fraction = parts.count == 2 ? Substring(parts[1]) : ""
        guard !whole.isEmpty || !fraction.isEmpty,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        // Trailing zeros beyond the scale are harmless ("0.550" at 2 decimals).
        var frac = String(fraction)
        while frac.count > decimals, frac.last == "0" { frac.removeLast() }
        guard frac.count <= decimals else { return nil }
        frac += String(repeating: "0", count: decimals - frac.count)
        guard let w = whole.isEmpty ? 0 : Int(whole), let f = frac.isEmpty ? 0 : Int(frac) else { return nil }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let (product, overflow) = w.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        let value = product + f
        return negative ? -value : value
    }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return s
    }
}
