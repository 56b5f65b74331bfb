import CentraleDomain
import CentraleFormats

/// The refusals of loading a registry (`centrale registry load`): nothing is written.
public enum RegistryRefusal: Message, Equatable {
    /// The associations' convention shares, in basis points, do not add up to 100 %.
    case sharesNot100(basisPoints: Int)
    /// `--leaving` names an association still in associations.csv.
    case leavingStillInFile(String)
    /// Associations gone from associations.csv with no `--leaving` day.
    case departuresUndated([String])
    /// A new convention.toml would price already logged trips by other values.
    case tariffRedefined([TariffChange], lastLogged: LocalDate)

    /// A tariff in force on logged days that a new convention.toml changes.
    public struct TariffChange: Sendable, Hashable {
        /// The tariff that priced those days (`none` when there was none).
        public var tariff: String
        /// The first and last logged day it priced.
        public var first: LocalDate
        public var last: LocalDate
        /// What prices them in the new file; nil when it is the same tariff with other values.
        public var replacement: Replacement?

        public init(tariff: String, first: LocalDate, last: LocalDate, replacement: Replacement?) {
            self.tariff = tariff
            self.first = first
            self.last = last
            self.replacement = replacement
        }
    }

    /// What a new convention.toml prices a tariff's logged days by.
    public enum Replacement: Sendable, Hashable {
        /// Another tariff, valid from a day.
        case tariff(String, validFrom: LocalDate)
        /// No tariff at all.
        case noTariff
    }

    public var italian: String {
        switch self {
        case .sharesNot100(let basisPoints):
            "associations.csv: le quote della convenzione sommano a \(Money(cents: basisPoints).text(.italian)) %, non a 100 %; "
                + "correggile perché sommino a 100. Non è stato scritto nulla."
        case .leavingStillInFile(let code):
            "\(code) è ancora nel file associations.csv del registro; --leaving serve solo per un'associazione "
                + "tolta dal file. Non è stato scritto nulla."
        case .departuresUndated(let codes):
            Self.italianDepartures(codes)
        case let .tariffRedefined(changes, lastLogged):
            Self.italianRedefinition(changes, lastLogged: lastLogged)
        }
    }

    public var english: String {
        switch self {
        case .sharesNot100(let basisPoints):
            "associations.csv: the convention shares add up to \(Money(cents: basisPoints))%, not 100%; "
                + "adjust them so that they add up to 100. Nothing was written."
        case .leavingStillInFile(let code):
            "\(code) is still in the registry's associations.csv; --leaving is only for an association "
                + "taken out of the file. Nothing was written."
        case .departuresUndated(let codes):
            Self.englishDepartures(codes)
        case let .tariffRedefined(changes, lastLogged):
            Self.englishRedefinition(changes, lastLogged: lastLogged)
        }
    }

    private static func italianDepartures(_ codes: [String]) -> String {
        let one = codes.count == 1
        let options = codes.map { "--leaving \($0)=AAAA-MM-GG" }.joined(separator: " ")
        return "\(StoreItalian.list(codes)) \(one ? "è" : "sono") nella base dati ma non più in associations.csv. "
            + "Se \(one ? "lascia" : "lasciano") la convenzione, indica il giorno con \(options): da quel giorno nessun nuovo servizio, "
            + "i servizi aperti tornano in coda, storico e rendiconti restano. "
            + "Altrimenti \(one ? "rimettila" : "rimettile") nel file. Non è stato scritto nulla."
    }

    private static func englishDepartures(_ codes: [String]) -> String {
        let one = codes.count == 1
        let options = codes.map { "--leaving \($0)=YYYY-MM-DD" }.joined(separator: " ")
        return "\(codes.joined(separator: ", ")) \(one ? "is" : "are") in the database but no longer in associations.csv. "
            + "If \(one ? "it leaves" : "they leave") the convention, give the day with \(options): from that day no new trips, "
            + "open trips back to the queue, history and statements kept. "
            + "Otherwise put \(one ? "it" : "them") back in the file. Nothing was written."
    }

    private static func italianRedefinition(_ changes: [TariffChange], lastLogged: LocalDate) -> String {
        let lines = changes.map(italianLine).joined(separator: "; ")
        let next = lastLogged.adding(days: 1)
        return "convention.toml: \(lines). Ciò che è già registrato resta rimborsato con la tariffa con cui è stato calcolato: "
            + "lascia com'erano i blocchi [[tariff]] in uso, e dai ai nuovi valori una nuova versione che inizi dopo l'ultimo "
            + "servizio registrato (\(StoreItalian.date(lastLogged))), per esempio id = \"\(next.yearMonth)\", valid_from = \(next). "
            + "Non è stato scritto nulla."
    }

    private static func englishRedefinition(_ changes: [TariffChange], lastLogged: LocalDate) -> String {
        let lines = changes.map(englishLine).joined(separator: "; ")
        let next = lastLogged.adding(days: 1)
        return "convention.toml: \(lines). What was logged keeps the tariff it was priced by: "
            + "leave the [[tariff]] blocks in use as they were, and give the new values a new version that starts after the "
            + "last logged trip (\(lastLogged)), e.g. id = \"\(next.yearMonth)\", valid_from = \(next). Nothing was written."
    }

    private static func italianLine(_ change: TariffChange) -> String {
        let days = "dal \(StoreItalian.date(change.first)) al \(StoreItalian.date(change.last))"
        switch change.replacement {
        case let .tariff(id, validFrom)?:
            return "i servizi registrati \(days) sono stati rimborsati con la tariffa \(change.tariff), e il nuovo file li rimborsa "
                + "con la \(id) (in vigore dal \(StoreItalian.date(validFrom)))"
        case .noTariff?:
            return "i servizi registrati \(days) sono stati rimborsati con la tariffa \(change.tariff), e il nuovo file non ha "
                + "più una tariffa per quei giorni"
        case nil:
            return "la tariffa \(change.tariff) rimborsa i servizi registrati \(days), e il nuovo file ne cambia i valori"
        }
    }

    private static func englishLine(_ change: TariffChange) -> String {
        switch change.replacement {
        case let .tariff(id, validFrom)?:
            "the trips logged from \(change.first) to \(change.last) were priced by tariff \(change.tariff), "
                + "and the new file prices them by \(id) (valid from \(validFrom))"
        case .noTariff?:
            "the trips logged from \(change.first) to \(change.last) were priced by tariff \(change.tariff), "
                + "and the new file prices them by no tariff"
        case nil:
            "tariff \(change.tariff) prices the trips logged from \(change.first) to \(change.last), and the new file changes its values"
        }
    }
}
