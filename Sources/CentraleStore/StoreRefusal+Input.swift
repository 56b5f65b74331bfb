import CentraleFormats

/// The refusals of what the operator typed before anything is read or written: a free text
/// the audit trail would keep with a control character, an option or an environment variable
/// that is none of its values, a file that cannot be read.
public enum InputRefusal: Message, Equatable {
    /// A free text holding a control character (ESC, BEL…): the text (cut to 80 characters)
    /// and the character, both already escaped.
    case controlCharacter(FreeText, text: String, character: String)
    /// `CENTRALE_LANG` is neither `it` nor `en` (the value already escaped).
    case language(String)
    /// A file that cannot be read (its path, already escaped), and why.
    case unreadableFile(String, UnreadableFile)
    /// `--status` that is no beneficiary status.
    case unknownStatus(String)
    /// `--comune` that is no comune of the registry.
    case unknownComune(String)

    public var italian: String {
        switch self {
        case let .controlCharacter(what, text, character):
            "\(what.italian) '\(text)' contiene il carattere di controllo \(character); scrivi testo semplice. Non è stato scritto nulla."
        case .language(let value):
            "CENTRALE_LANG vale '\(value)', che non è né it né en; impostalo a uno dei due, o indica --lang"
        case let .unreadableFile(file, why):
            "impossibile leggere \(file): \(why.italian)"
        case .unknownStatus(let text):
            "--status: '\(text)' non è tra referred, active, suspended, closed, authorisation_expired (o expired) e not_authorised"
        case .unknownComune(let text):
            "--comune: '\(text)' non è un comune del registro; indica il nome o il codice ISTAT"
        }
    }

    public var english: String {
        switch self {
        case let .controlCharacter(what, text, character):
            "\(what.english) '\(text)' holds the control character \(character); type plain text. Nothing was written."
        case .language(let value):
            "CENTRALE_LANG is '\(value)', not it or en; set it to one of them, or give --lang"
        case let .unreadableFile(file, why):
            "cannot read \(file): \(why.english)"
        case .unknownStatus(let text):
            "--status: '\(text)' is not referred, active, suspended, closed, authorisation_expired (or expired) or not_authorised"
        case .unknownComune(let text):
            "--comune: '\(text)' is not a comune of the registry; give its name or ISTAT code"
        }
    }
}
