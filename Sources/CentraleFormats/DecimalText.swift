/// Exact conversion of decimal text (`0.55`, `0,55`, `1234`) into scaled integers.
///
/// Money and distances must never pass through floating point: `0.55` euro per km becomes
/// exactly 550,000 micro-euros with `scaled("0.55", decimals: 6)`. Every operation is checked:
/// a number too large for an `Int` is refused (nil), never wrapped or trapped.
public enum DecimalText {
    /// Parses `text` as a decimal number with a point or a comma and returns it multiplied by
    /// 10^decimals; nil if it is not a number, has more fractional digits than `decimals`, or
    /// does not fit in an `Int`.
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
        return combine(whole: Array(whole.utf8), fraction: Array(fraction.utf8), decimals: decimals, negative: negative)
    }

    /// `whole.fraction` × 10^decimals from ASCII digits, with every operation checked; nil when
    /// the fraction has more significant digits than `decimals` or the value does not fit.
    static func combine(whole: some Collection<UInt8>, fraction: some Collection<UInt8>, decimals: Int, negative: Bool) -> Int? {
        guard decimals >= 0 && decimals <= 18 else { return nil }
        // Trailing zeros beyond the scale are harmless ("0.550" at 2 decimals).
        var fractionDigits = Array(fraction)
        while fractionDigits.count > decimals, fractionDigits.last == UInt8(ascii: "0") { fractionDigits.removeLast() }
        guard fractionDigits.count <= decimals else { return nil }
        var value = 0
        for digit in whole {
            guard digit >= 0x30 && digit <= 0x39 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int(digit - 0x30))
            guard !o1 && !o2 else { return nil }
            value = plus
        }
        for index in 0..<decimals {
            let digit = index < fractionDigits.count ? fractionDigits[index] : UInt8(ascii: "0")
            guard digit >= 0x30 && digit <= 0x39 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int(digit - 0x30))
            guard !o1 && !o2 else { return nil }
            value = plus
        }
        return negative ? -value : value
    }

    /// Which decimal mark a cell shows by itself: a `,` or `.` followed by other than exactly
    /// three digits, or the last of two different separators, is a decimal mark; `1.234` and
    /// `1,234` show nothing (they may be thousands).
    public static func evidence(_ text: some StringProtocol) -> DecimalMark? {
        let bytes = Array(text.utf8)
        var sawPoint = false, sawComma = false, last: UInt8 = 0
        for byte in bytes where byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
            if byte == UInt8(ascii: ".") { sawPoint = true } else { sawComma = true }
            last = byte
        }
        if sawPoint && sawComma { return last == UInt8(ascii: ".") ? .point : .comma }
        guard sawPoint || sawComma else { return nil }
        var index = 0
        while index < bytes.count {
            if bytes[index] == last {
                var digits = 0
                var next = index + 1
                while next < bytes.count, bytes[next] >= 0x30 && bytes[next] <= 0x39 { digits += 1; next += 1 }
                if digits != 3 { return last == UInt8(ascii: ".") ? .point : .comma }
            }
            index += 1
        }
        return nil
    }

    /// Reads `text` with `mark` as the decimal mark and the other separator as thousands
    /// (groups of exactly three digits after the first group of one to three); spaces are
    /// ignored. Returns the value × 10^decimals, or nil if the text is not such a number or
    /// does not fit in an `Int`.
    public static func scaled(_ text: some StringProtocol, decimals: Int, mark: DecimalMark) -> Int? {
        let decimal = mark.byte, thousands = mark.other.byte
        // The usual cell, plain digits with at most one decimal mark, without building arrays.
        var contiguous = String(text)
        if let value = contiguous.withUTF8({ plainScaled($0, decimals: decimals, decimal: decimal) }) { return value }
        var bytes = Array(text.utf8).filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes.removeFirst() } else if bytes.first == UInt8(ascii: "+") { bytes.removeFirst() }
        guard !bytes.isEmpty else { return nil }
        let markIndex = bytes.firstIndex(of: decimal)
        let wholePart = markIndex.map { bytes[..<$0] } ?? bytes[...]
        let fraction = markIndex.map { bytes[($0 + 1)...] } ?? []
        guard !fraction.contains(decimal), !fraction.contains(thousands), !(wholePart.isEmpty && fraction.isEmpty) else { return nil }
        var whole: [UInt8] = []
        if wholePart.contains(thousands) {
            let groups = wholePart.split(separator: thousands, omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            for group in groups { whole += group }
        } else {
            whole = Array(wholePart)
        }
        if markIndex != nil && fraction.isEmpty && whole.isEmpty { return nil }
        return combine(whole: whole, fraction: fraction, decimals: decimals, negative: negative)
    }

    /// `digits[.digits]` × 10^decimals read in one pass, with every operation checked; nil for
    /// anything else (signs, spaces, thousands, too many decimals, overflow), which the general
    /// reading then handles.
    static func plainScaled(_ bytes: some Collection<UInt8>, decimals: Int, decimal: UInt8) -> Int? {
        var value = 0, fractionDigits = 0, seenMark = false, digits = 0
        for byte in bytes {
            if byte == decimal {
                guard !seenMark else { return nil }
                seenMark = true
                continue
            }
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            if seenMark {
                if fractionDigits == decimals { guard byte == 0x30 else { return nil }; continue } // trailing zeros beyond the scale
                fractionDigits += 1
            }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int(byte - 0x30))
            guard !o1 && !o2 else { return nil }
            value = plus
            digits += 1
        }
        guard digits > 0 else { return nil }
        for _ in fractionDigits..<decimals {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = times
        }
        return value
    }

    /// `1234567` metres-like scaled value as plain decimal text with a point and no trailing
    /// zeros (`1234.567`, `1.234`, `1234`), for messages that show how a cell reads.
    public static func plain(_ value: Int, decimals: Int) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let magnitude = value.magnitude
        let whole = magnitude / UInt(scale), fraction = magnitude % UInt(scale)
        var text = (value < 0 ? "-" : "") + String(whole)
        if fraction > 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: decimals - digits.count) + digits
            while digits.last == "0" { digits.removeLast() }
            text += "." + digits
        }
        return text
    }
}

/// The character that separates a number's whole part from its fraction.
public enum DecimalMark: String, Sendable, Hashable {
    /// `23.4` (and `1,234.5` with thousands).
    case point = "."
    /// `23,4` (and `1.234,5` with thousands).
    case comma = ","

    /// The other separator, used for thousands.
    public var other: DecimalMark { self == .point ? .comma : .point }

    var byte: UInt8 { self == .point ? UInt8(ascii: ".") : UInt8(ascii: ",") }
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
