/// How a number is written for its reader.
public enum NumberForm: Sendable, Hashable {
    /// For programs and English readers: a decimal point, no grouping, `-` for negatives
    /// (`-1234.56`).
    case machine
    /// For Italian readers: a decimal comma and `.` between thousands (`-1.234,56`).
    case italian
    /// For an Italian spreadsheet cell: a decimal comma and no grouping (`-1234,56`), so that
    /// Italian Excel and LibreOffice read it as a number.
    case italianCell

    var decimalMark: String { self == .machine ? "." : "," }
    var groupingMark: String? { self == .italian ? "." : nil }
}

/// The one formatter of scaled integers: a whole number of hundredths (cents, basis points) or
/// thousandths (metres) written as a decimal with a chosen number of digits, rounded half away
/// from zero. Integer arithmetic only, on the magnitude, so every `Int` (`Int.min` too) is
/// written exactly; nothing can overflow.
public enum ScaledNumber {
    /// `value / 10^scale`, written with `digits` decimals (at most `scale`).
    ///
    /// `text(123456, scale: 2, digits: 2, form: .italian)` is `1.234,56`;
    /// `text(12_345, scale: 3, digits: 1, form: .machine)` is `12.3`.
    public static func text(_ value: Int, scale: Int, digits: Int, form: NumberForm) -> String {
        precondition(scale >= 0 && scale <= 18 && digits >= 0 && digits <= scale, "scale 0...18, digits 0...scale")
        var magnitude = value.magnitude  // UInt: Int.min's magnitude fits
        let dropped = scale - digits
        if dropped > 0 {
            let divisor = power(dropped)
            let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: divisor)
            magnitude = quotient + (remainder >= divisor - remainder ? 1 : 0)  // half away from zero, no overflow
        }
        let unit = power(digits)
        let (whole, fraction) = magnitude.quotientAndRemainder(dividingBy: unit)
        var text = grouped(String(whole), by: form.groupingMark)
        if digits > 0 {
            let fractionText = String(fraction)
            text += form.decimalMark + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return magnitude == 0 || value >= 0 ? text : "-" + text
    }

    static func power(_ exponent: Int) -> UInt {
        var result: UInt = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    static func grouped(_ digits: String, by mark: String?) -> String {
        guard let mark, digits.count > 3 else { return digits }
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: mark)
    }
}

extension Money {
    /// Euros with two decimals, without the unit: `1234.56` (machine), `1.234,56` (Italian).
    public func text(_ form: NumberForm) -> String { ScaledNumber.text(cents, scale: 2, digits: 2, form: form) }
}

extension Distance {
    /// Kilometres with one decimal (half away from zero), without the unit: `12.5`, `12,5`.
    public func kilometresText(_ form: NumberForm) -> String { ScaledNumber.text(metres, scale: 3, digits: 1, form: form) }

    /// Whole kilometres (half away from zero): `1235`, `1.235`.
    public func wholeKilometresText(_ form: NumberForm) -> String { ScaledNumber.text(metres, scale: 3, digits: 0, form: form) }
}

/// A share in basis points (1/100 of a percent): `9840` is 98.40 %.
public enum BasisPoints {
    /// The percentage with `digits` decimals (0...2), without the sign: `98.4`, `98,4`.
    public static func percentText(_ basisPoints: Int, digits: Int = 2, form: NumberForm) -> String {
        ScaledNumber.text(basisPoints, scale: 2, digits: digits, form: form)
    }
}

extension LocalDate {
    /// The date as Italians write it: `dd/mm/yyyy`.
    public var italianText: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(day))/\(two(month))/\(year)"
    }
}
