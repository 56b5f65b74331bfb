import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Musl)
@preconcurrency import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// ArgumentParser's own words (its errors, the help's section titles, built-in flags and
/// placeholders, the lists of allowed values), in Italian: the parser writes them in English
/// only, so its text is rewritten, pattern by pattern, when the run is Italian. Our own texts in
/// it (abstracts, option help, value names, `ValidationError`s) are already Italian
/// (`localized(it:en:)`); what is not matched stays as ArgumentParser wrote it.
///
/// The help is rewritten before it is wrapped (`help(_:columns:)`): ArgumentParser renders it
/// unwrapped (`unwrapped` columns), so that no pattern is cut by a line break, and the Italian
/// text is then wrapped as ArgumentParser wraps it, since the Italian words are not as long as
/// the English ones (`default:` becomes `predefinito:`).
enum ParserItalian {
    /// (pattern, template): each pattern is anchored on ArgumentParser's fixed words.
    private static let rules: [(NSRegularExpression, String)] = [
        (#"^OVERVIEW:"#, "DESCRIZIONE:"), (#"^USAGE:"#, "USO:"), (#"^ARGUMENTS:"#, "ARGOMENTI:"),
        (#"^OPTIONS:"#, "OPZIONI:"), (#"^SUBCOMMANDS:"#, "SOTTOCOMANDI:"),
        // `See 'centrale help request <subcommand>' for detailed help.` (HelpGenerator.rendered)
        (#"^  See '(.*) <subcommand>' for detailed help\."#, "  Vedi '$1 <sottocomando>' per l'aiuto dettagliato."),
        // The usage's placeholders: `centrale request <subcommand>`, `[<options>]`.
        (#"<subcommand>"#, "<sottocomando>"), (#"<options>"#, "<opzioni>"),
        (#"Show help information\."#, "Mostra questo aiuto."), (#"Show the version\."#, "Mostra la versione."),
        (#"Show subcommand help information\."#, "Mostra l'aiuto di un sottocomando."),
        // `(values: a, b; default: a)`, `(default: a)`, `(default as flag: a)` (HelpGenerator.generateSections).
        (#"\(values: "#, "(valori: "), (#"; default as flag: "#, "; predefinito senza valore: "), (#"; default: "#, "; predefinito: "),
        (#"\(default as flag: "#, "(predefinito senza valore: "), (#"\(default: "#, "(predefinito: "),
        (#"^Error: "#, "Errore: "), (#"^Help:  "#, "Aiuto:  "), (#"^Usage: "#, "Uso: "),
        (#"^  See '(.*) --help' for more information\."#, "  Vedi '$1 --help' per maggiori informazioni."),
        (#"Missing expected argument '(.*)'"#, "Manca l'argomento richiesto '$1'"),
        (#"Missing one of: '(.*)'"#, "Manca uno tra: '$1'"),
        (#"Missing value for '(.*)'"#, "Manca il valore di '$1'"),
        (#"Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, "Opzione sconosciuta '$1'. Forse intendevi '$2'?"),
        (#"Unknown option '([^']*)'"#, "Opzione sconosciuta '$1'"),
        (#"Unexpected argument '(.*)'"#, "Argomento inatteso '$1'"),
        (#"([0-9]+) unexpected arguments: "#, "$1 argomenti inattesi: "),
        (#"The option '([^']*)' does not take any value, but '(.*)' was specified\."#, "L'opzione '$1' non vuole un valore, ma è stato indicato '$2'."),
        (#"The value '(.*)' is invalid for '([^']*)'"#, "Il valore '$1' non è valido per '$2'"),
        (#"The value '(.*)' is invalid\."#, "Il valore '$1' non è valido."),
        (#"\. Please provide one of the following:"#, ". Indica uno dei seguenti:"),
        // A short list of allowed values (UsageGenerator's formattedValueList): two joined by
        // ` and `, three to five by `, ` and a last ` or `: `'md' and 'html'`, `'a', 'b' or 'c'`.
        (#"\. Please provide one of (.*) and ('[^']*')\.$"#, ". Indica uno tra $1 e $2."),
        (#"\. Please provide one of (.*) or ('[^']*')\.$"#, ". Indica uno tra $1 o $2."),
        (#"\. Please provide one of "#, ". Indica uno tra "),
        (#"Invalid option: "#, "Opzione non valida: "),
        (#"Missing required subcommand\."#, "Manca il sottocomando."),
    ].map { (try! NSRegularExpression(pattern: $0.0, options: [.anchorsMatchLines]), $0.1) }

    /// `text` with ArgumentParser's words in Italian (an error, or a help not wrapped).
    static func translate(_ text: String) -> String {
        rules.reduce(text) { text, rule in
            rule.0.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: rule.1)
        }
    }

    /// The width to have ArgumentParser render a help to for an Italian run: wide enough for no
    /// line to be wrapped (`help(_:columns:)` wraps it once in Italian).
    static let unwrapped = 1 << 20

    /// An Italian help: `text`, a help ArgumentParser rendered to `unwrapped` columns, with its
    /// words in Italian, wrapped to `columns` as ArgumentParser wraps its help.
    static func help(_ text: String, columns: Int) -> String {
        wrapHelp(translate(text), columns: columns)
    }

    /// ArgumentParser's help layout, wrapped as its `HelpGenerator` wraps it: the overview
    /// (everything before `USO:`) at the margin; the usage never; in the sections, an element's
    /// text from the label column (`labelColumn`), and an option's discussion indented by
    /// `discussionIndent`. Each of these blocks is wrapped whole, as ArgumentParser wraps it, so
    /// that the result is the one ArgumentParser would have written for the same text.
    static func wrapHelp(_ text: String, columns: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let usage = lines.firstIndex(where: { $0.hasPrefix("USO:") }) else { return text }
        var out: [String] = []
        if usage >= 2 {  // the overview, then the empty line before the usage
            out.append(wrapped(lines[..<(usage - 1)].joined(separator: "\n"), columns: columns, indent: 0))
            out.append(String(lines[usage - 1]))
        } else {
            out += lines[..<usage].map { String($0) }
        }
        out.append(String(lines[usage]))
        // The block being read: the text before its indent (an element's label), its indent, its lines.
        var block: (head: String, indent: Int, lines: [Substring])? = nil
        var blanks = 0  // empty lines read after the block: its own, if it goes on after them
        func flush() {
            guard let open = block else { return }
            let text = wrapped(open.lines.joined(separator: "\n"), columns: columns, indent: open.indent)
            out.append(open.head + String(text.dropFirst(open.head.count)))
            block = nil
        }
        for line in lines[(usage + 1)...] {
            if line.isEmpty && block != nil { blanks += 1; continue }
            var indent: Int? = nil, startsElement = false
            if line.hasPrefix("  Vedi '") {
                indent = nil
            } else if isElementLine(line) {
                indent = labelColumn; startsElement = true
            } else if line.hasPrefix(String(repeating: " ", count: labelColumn)) {
                indent = labelColumn
            } else if line.hasPrefix(String(repeating: " ", count: discussionIndent)) {
                indent = discussionIndent
            }
            if let indent, !startsElement, block?.indent == indent {
                block?.lines += Array(repeating: Substring(), count: blanks)
                block?.lines.append(line.dropFirst(indent))
                blanks = 0
                continue
            }
            flush()
            out += Array(repeating: "", count: blanks)
            blanks = 0
            if let indent {
                block = (head: startsElement ? String(line.prefix(indent)) : "", indent: indent, lines: [line.dropFirst(indent)])
            } else {
                out.append(String(line))
            }
        }
        flush()
        out += Array(repeating: "", count: blanks)
        return out.joined(separator: "\n")
    }

    /// The column where ArgumentParser starts an element's text (`HelpGenerator.labelColumnWidth`).
    private static let labelColumn = 26
    /// The indent of an option's discussion (`HelpGenerator.helpIndent * 4`).
    private static let discussionIndent = 8

    /// Whether `line` is an element's first line: `  --label <value>` padded to the label
    /// column, its text after it.
    private static func isElementLine(_ line: Substring) -> Bool {
        let characters = Array(line.prefix(labelColumn + 1))
        return characters.count == labelColumn + 1 && characters[0] == " " && characters[1] == " " && characters[2] != " "
            && characters[labelColumn - 1] == " " && characters[labelColumn] != " "
    }

    /// `text` wrapped to `columns`, every line but an empty one indented by `indent`: a port of
    /// ArgumentParser's `wrapped(to:wrappingIndent:)`, quirks included (a line as wide as the
    /// width is cut, a word wider than it stays whole).
    private static func wrapped(_ text: String, columns: Int, indent: Int) -> String {
        let width = columns - indent
        var pieces: [Substring] = []
        if width <= 0 {
            pieces = text.split(separator: "\n", omittingEmptySubsequences: false)
        } else {
            var current = text.startIndex
            while true {
                let chunk = text[current...].prefix(width)
                if let lastBreak = chunk.lastIndex(of: "\n") {
                    pieces += text[current..<lastBreak].split(separator: "\n", omittingEmptySubsequences: false)
                    current = text.index(after: lastBreak)
                } else if chunk.endIndex == text.endIndex {
                    pieces.append(text[current...])
                    break
                } else if let space = chunk.lastIndex(of: " ") ?? text[current...].firstIndex(of: " ") {
                    pieces.append(text[current..<space])
                    current = text.index(after: space)
                } else {
                    pieces.append(text[current...])
                    break
                }
            }
        }
        let margin = String(repeating: " ", count: indent)
        return pieces.map { $0.isEmpty ? "" : margin + String($0) }.joined(separator: "\n")
    }

    /// The terminal's width, as ArgumentParser finds it when it is given none: `COLUMNS`, else
    /// the terminal of standard output, else 80.
    static var terminalColumns: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        let status = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size)
        return status == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }
}
