import CentraleFormats

/// The column headers of the command line's tables, in each language.
enum TableHeaders {
    case closedMonths, expiries, kmFlags, people, tokens, volunteers

    func words(_ language: Language) -> [String] {
        switch language {
        case .it: italian
        case .en: english
        }
    }

    var italian: [String] {
        switch self {
        case .closedMonths: ["MESE", "CHIUSO IL", "DA", "RENDICONTI", "TOTALE €", "CHECKSUM", "CHECKSUM RAPPORTO"]
        case .expiries: ["VALIDO FINO AL", "GIORNI", "ASSOCIAZIONE", "CHI / MEZZO", "COSA"]
        case .kmFlags: ["SERVIZIO", "DATA", "ASSOCIAZIONE", "MEZZO", "REGISTRATI", "STIMATI", "DIFFERENZA", "PAGATI", "REVISIONE"]
        case .people: ["CODICE", "STATO", "COMUNE", "COGNOME", "NOME", "CODICE FISCALE", "TELEFONO", "BISOGNI", "VALIDO FINO AL"]
        case .tokens: ["ID", "INIZIA CON", "RUOLO", "ASSOCIAZIONE", "TITOLARE", "RILASCIATA", "VALIDA FINO AL", "STATO"]
        case .volunteers: ["CODICE", "PATENTE", "SCADENZA", "NATO", "ASSICURATO FINO AL", "ABILITAZIONI", "TURNI", "ASSENTE"]
        }
    }

    var english: [String] {
        switch self {
        case .closedMonths: ["MONTH", "CLOSED AT", "BY", "STATEMENTS", "TOTAL €", "CHECKSUM", "REPORT CHECKSUM"]
        case .expiries: ["VALID UNTIL", "DAYS", "ASSOCIATION", "WHO / VEHICLE", "WHAT"]
        case .kmFlags: ["TRIP", "DATE", "ASSOCIATION", "VEHICLE", "LOGGED", "ESTIMATED", "DIFFERENCE", "PAID", "REVIEW"]
        case .people: ["CODE", "STATUS", "COMUNE", "SURNAME", "NAME", "CODICE FISCALE", "PHONE", "NEEDS", "VALID UNTIL"]
        case .tokens: ["ID", "STARTS WITH", "ROLE", "ASSOCIATION", "OWNER", "ISSUED", "VALID UNTIL", "STATE"]
        case .volunteers: ["CODE", "LICENCE", "EXPIRES", "BORN", "INSURED UNTIL", "QUALIFICATIONS", "SHIFTS", "ABSENT"]
        }
    }
}
