import CentraleDispatch
import CentraleDomain
import CentraleFormats
import CentralePlanning
import Foundation

/// A key of the board's keys line, with its label and the short label used when the full ones
/// do not fit, in each language.
enum BoardKey: CaseIterable {
    case assign, new, cancel, noShow, search, status, dispatch, person, card, associations, calls, plans, reload, help, quit

    func key(_ language: Language) -> String {
        switch self {
        case .assign: language == .it ? "Invio" : "Enter"
        case .new: "n"
        case .cancel: "c"
        case .noShow: "x"
        case .search: "/"
        case .status: "f"
        case .dispatch: "d"
        case .person: "b"
        case .card: "p"
        case .associations: "s"
        case .calls: "t"
        case .plans: "g"
        case .reload: "r"
        case .help: "?"
        case .quit: "q"
        }
    }

    /// The label and the short label.
    func labels(_ language: Language) -> (label: String, short: String) {
        switch language {
        case .it:
            switch self {
            case .assign: return ("assegna", "assegna")
            case .new: return ("nuova", "nuova")
            case .cancel: return ("annulla", "annulla")
            case .noShow: return ("assente", "ass.")
            case .search: return ("cerca", "cerca")
            case .status: return ("stato", "stato")
            case .dispatch: return ("auto-assegna", "auto")
            case .person: return ("benef.", "ben.")
            case .card: return ("scheda", "sch.")
            case .associations: return ("assoc.", "ass.")
            case .calls: return ("chiamate", "chiam.")
            case .plans: return ("giri", "giri")
            case .reload: return ("ricarica", "ric.")
            case .help: return ("aiuto", "aiuto")
            case .quit: return ("esci", "esci")
            }
        case .en:
            switch self {
            case .assign: return ("assign", "assign")
            case .new: return ("new", "new")
            case .cancel: return ("cancel", "cancel")
            case .noShow: return ("no-show", "no-sh.")
            case .search: return ("search", "search")
            case .status: return ("status", "status")
            case .dispatch: return ("auto-assign", "auto")
            case .person: return ("benef.", "ben.")
            case .card: return ("card", "card")
            case .associations: return ("assoc.", "ass.")
            case .calls: return ("calls", "calls")
            case .plans: return ("rides", "rides")
            case .reload: return ("reload", "rel.")
            case .help: return ("help", "help")
            case .quit: return ("quit", "quit")
            }
        }
    }

    /// The board's keys in `language`, most used first.
    static func line(_ language: Language) -> [(key: String, label: String, short: String)] {
        allCases.map { key -> (key: String, label: String, short: String) in
            let labels = key.labels(language)
            return (key.key(language), labels.label, labels.short)
        }
    }
}
