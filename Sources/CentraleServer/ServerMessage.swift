import CentraleDomain
import CentraleFormats
import Hummingbird

/// The server's own refusals (of the request's form, before any work), in each language.
enum ServerMessage: Message {
    case tooManyFailures(waitSeconds: Int)
    case noToken(help: Bool)
    case invalidToken
    case wrongRole(TokenRole)
    case nameAssociation(TokenRole)
    case noSuchAddress
    case bodyOver50MB
    case notMultipart
    case noFile
    case pageMonth
    case dateOrMonth
    case fileNameTooLong
    case notTripID(String)
    case notDay(String)
    case notMonth(String)
    case notOneOf(String, [String])
    case missingKey(String, example: String)
    case notJSON(example: String)
    case bodyDeclaredTooLarge(bytes: Int, limit: Int)
    case bodyTooLarge(limit: Int)
    case bodyTimeout(String)
    case internalError
    case reason(String)

    var italian: String {
        switch self {
        case .tooManyFailures(let wait): "troppi tentativi falliti da questo indirizzo; riprova tra \(wait) s"
        case .noToken(let help): "manca il codice di accesso; invia `Authorization: Bearer CODICE`"
            + (help ? " (la chiave la rilascia la centrale: `centrale token issue`)" : "")
        case .invalidToken: "il codice di accesso non è valido (sconosciuto, scaduto o revocato); chiedine uno nuovo alla centrale"
        case .wrongRole(let role): "una chiave di \(role.italianName) non può farlo; chiedi alla centrale una chiave del ruolo giusto"
        case .nameAssociation(let role):
            "una chiave di \(role.italianName) agisce per tutta la centrale: indica l'associazione (?association=CODICE, o --association CODICE)"
        case .noSuchAddress: "indirizzo inesistente; vedi /openapi.yaml"
        case .bodyOver50MB: "il contenuto supera i 50 MB accettati; dividi il file per mese"
        case .notMultipart: "invia il modulo come multipart/form-data"
        case .noFile: "il modulo non contiene un file; scegli il file del registro e invia di nuovo"
        case .pageMonth: "Mese non valido: scrivilo come 2026-03 o 03/2026."
        case .dateOrMonth: "indica ?date=AAAA-MM-GG o ?month=AAAA-MM (uno dei due)"
        case .fileNameTooLong: "?file= è il nome del file come lo ha scritto chi lo invia, al massimo 1024 caratteri"
        case .notTripID(let text): "'\(text)' non è il numero di un servizio; indica il numero dall'elenco dei servizi"
        case .notDay(let text): "la data '\(text)' non è un giorno; scrivila AAAA-MM-GG, per esempio 2026-03-05"
        case .notMonth(let text): "il mese '\(text)' non è un mese; scrivilo AAAA-MM, per esempio 2026-03"
        case let .notOneOf(text, choices): "'\(text)' non è uno tra \(choices.joined(separator: ", "))"
        case let .missingKey(key, example): "il JSON inviato non ha \"\(key)\"; invia un oggetto come \(example)"
        case .notJSON(let example): "il contenuto non è il JSON atteso; invia un oggetto come \(example)"
        case let .bodyDeclaredTooLarge(bytes, limit):
            "il contenuto ha \(bytes) byte, più dei \(limit) accettati" + (limit >= 1_000_000 ? "; dividi il file per mese" : "")
        case .bodyTooLarge(let limit): "il contenuto supera i \(limit) byte accettati" + (limit >= 1_000_000 ? "; dividi il file per mese" : "")
        case .bodyTimeout(let timeout): "il contenuto non è arrivato entro \(timeout); invialo di nuovo"
        case .internalError: "il server non ha potuto completare la richiesta; la centrale ne legge il motivo nel suo registro"
        case .reason(let phrase): phrase
        }
    }

    var english: String {
        switch self {
        case .tooManyFailures(let wait): "too many failed attempts from this address; try again in \(wait) s"
        case .noToken(let help): "no token; send `Authorization: Bearer TOKEN`" + (help ? " (a token comes from the centre: `centrale token issue`)" : "")
        case .invalidToken: "the token is not valid (unknown, expired or revoked); ask the centre for a new one"
        case .wrongRole(let role): "\(role.withArticle) token cannot do this; ask the centre for a token of the right role"
        case .nameAssociation(let role):
            "\(role.withArticle) token acts for the whole centre: name the association (?association=CODE, or --association CODE)"
        case .noSuchAddress: "no such address; see /openapi.yaml"
        case .bodyOver50MB: "the body is over the 50 MB accepted; split the file by month"
        case .notMultipart: "send the form as multipart/form-data"
        case .noFile: "the form has no file; choose the trip-log file and submit again"
        case .pageMonth: "Not a month: write it as 2026-03 or 03/2026."
        case .dateOrMonth: "give ?date=YYYY-MM-DD or ?month=YYYY-MM (one of them)"
        case .fileNameTooLong: "?file= is the file's name as the submitter wrote it, at most 1024 characters"
        case .notTripID(let text): "'\(text)' is not a trip id; give the number from the trips list"
        case .notDay(let text): "date '\(text)' is not a day; write YYYY-MM-DD, e.g. 2026-03-05"
        case .notMonth(let text): "month '\(text)' is not a month; write YYYY-MM, e.g. 2026-03"
        case let .notOneOf(text, choices): "'\(text)' is not one of \(choices.joined(separator: ", "))"
        case let .missingKey(key, example): "the JSON body has no \"\(key)\"; send an object like \(example)"
        case .notJSON(let example): "the body is not the JSON expected; send an object like \(example)"
        case let .bodyDeclaredTooLarge(bytes, limit):
            "the body has \(bytes) bytes, more than the \(limit) accepted" + (limit >= 1_000_000 ? "; split the file by month" : "")
        case .bodyTooLarge(let limit): "the body is larger than the \(limit) bytes accepted" + (limit >= 1_000_000 ? "; split the file by month" : "")
        case .bodyTimeout(let timeout): "the body did not arrive within \(timeout); send it again"
        case .internalError: "the server could not complete the request; the centre can read why in its log"
        case .reason(let phrase): phrase
        }
    }
}

/// An error's message as the CLI would print it, in both languages.
struct ErrorMessage: Message {
    let italian: String
    let english: String
}

extension Request {
    /// The language of the answer's messages: `?lang=`, else the first language of
    /// `Accept-Language` that Centrale speaks, else Italian.
    var language: Language {
        if let lang = uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) { return lang }
        guard let accepted = headers[.acceptLanguage] else { return .it }
        for part in accepted.split(separator: ",") {
            let tag = part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            if let lang = Language(rawValue: String(tag.prefix(2))) { return lang }
        }
        return .it
    }
}
