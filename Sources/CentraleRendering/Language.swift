import CentraleDomain
import CentraleFormats

/// The language a renderer writes its words in: Italian by default, English on request.
///
/// Every renderer takes one. Italian outputs write Italian numbers (`1.234,56`, `12,5`) and dates
/// (`dd/mm/yyyy`); English ones a decimal point and ISO dates. JSON is the same in both.
extension Language {

    /// How numbers are written for people in this language.
    public var numberForm: NumberForm { self == .it ? .italian : .machine }

    /// Euros without the unit: `1.234,56`, `1234.56`.
    public func euros(_ money: Money) -> String { money.text(numberForm) }
    /// Kilometres with one decimal, without the unit: `12,5`, `12.5`.
    public func km(_ distance: Distance) -> String { distance.kilometresText(numberForm) }
    /// A percentage from basis points, with its unit: `98,4 %`, `98.4%`.
    public func percent(_ basisPoints: Int, digits: Int = 1) -> String {
        BasisPoints.percentText(basisPoints, digits: digits, form: numberForm) + (self == .it ? " %" : "%")
    }
    /// A whole number for people: `1.234` in Italian, `1234` in English.
    public func count(_ value: Int) -> String { ScaledNumber.text(value, scale: 0, digits: 0, form: numberForm) }
    /// A whole percentage with its sign and unit: `+6.837 %`, `-45 %`, `0 %` in Italian; `+6837%`,
    /// `-45%`, `0%` in English. Zero has no sign.
    public func signedPercent(_ percent: Int) -> String {
        (percent > 0 ? "+" : "") + count(percent) + (self == .it ? " %" : "%")
    }
    /// A date: `03/02/2025`, `2025-02-03`.
    public func date(_ date: LocalDate) -> String { self == .it ? date.italianText : date.description }
    /// A date held as ISO text (`2025-02-03`), in this language; text that is no date as it is.
    public func date(iso text: String) -> String { LocalDate(text).map(date) ?? text }
    /// A month: `febbraio 2025` in Italian, `2025-02` in English.
    public func month(_ month: YearMonth) -> String { self == .it ? month.italianText : month.description }
    /// A month on a chart's axis: `feb 25` in Italian, `Feb 25` in English.
    func shortMonth(_ month: YearMonth) -> String {
        guard self == .en else { return month.italianShortText }
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let year = month.year % 100
        return "\(names[month.month - 1]) \(year < 10 ? "0" : "")\(year)"
    }
}

extension CSVDialect {
    /// How a number is written in a cell of this dialect: `-1234,56` or `-1234.56`.
    var numberForm: NumberForm { self == .excel ? .italianCell : .machine }
    /// Euros in a cell.
    public func euros(_ money: Money) -> String { money.text(numberForm) }
    /// Kilometres in a cell.
    public func km(_ distance: Distance) -> String { distance.kilometresText(numberForm) }
    /// A date in a cell: `dd/mm/yyyy` or ISO.
    public func date(_ date: LocalDate) -> String { self == .excel ? date.italianText : date.description }
    /// A date held as ISO text, in this dialect.
    public func date(iso text: String) -> String { LocalDate(text).map(date) ?? text }
    /// Whether its headers are Italian.
    var italian: Bool { self == .excel }
}
