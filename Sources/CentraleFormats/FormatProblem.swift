/// What is wrong with the shape of a CSV or TOML file (quotes, header, keys, values), with the
/// values it names: the file readers' part of the message catalogue. `italian` and `english`
/// are exhaustive switches, so a problem cannot be missing in either language.
public enum FormatProblem: Message, Hashable {
    // MARK: CSV (CSVReader)

    /// A `"` in the middle of a field that does not start with one.
    case quoteInUnquotedField
    /// Text after the closing quote of a quoted field.
    case textAfterClosingQuote
    /// A quoted field still open at the end of the file.
    case unclosedQuote

    // MARK: CSV with a header (CSVTable)

    /// The file has no line at all; `expected` are the columns the header must name (`italian`:
    /// by their Italian names, when they have them).
    case emptyFile(expected: [String], italian: [String]? = nil)
    /// A required column is missing; `required` are all of them (`italian`: by their Italian
    /// names, when they have them).
    case missingColumn(required: [String], italian: [String]? = nil)
    /// A column that is none of `known`.
    case unknownColumn(known: [String])
    /// The same column named twice.
    case repeatedColumn

    // MARK: TOML (TOMLParser)

    /// `[table` without its `]`.
    case unclosedTableHeader
    /// `[[array` without its `]]`.
    case unclosedArrayHeader
    /// `[[key]]` for a key already holding a value (set on `line`).
    case alreadyAValue(line: Int)
    /// `[path]` written twice.
    case tableDefinedTwice(path: String)
    /// A key not followed by `=`.
    case expectedEquals(key: String)
    /// A key set twice, first on `firstLine`.
    case keySetTwice(firstLine: Int)
    /// A key used as a table that holds a value of `kind` (set on `line`).
    case notATable(kind: TOMLKind, line: Int)
    /// The end of the file where a key should be.
    case expectedKey
    /// A character that cannot start a bare key.
    case badKeyCharacter(Character)
    /// Nothing after `=`.
    case expectedValue
    /// `"""`, not supported.
    case multilineString
    /// A character that starts no value.
    case unexpectedCharacter(Character)
    /// A word that is no value (text without quotes, a number with a comma, a date not ISO).
    case notAValue(String)
    /// An array never closed (opened on `openLine`).
    case unclosedArray(openLine: Int)
    /// Something other than `,` or `]` after an array's item (array opened on `openLine`).
    case expectedArraySeparator(openLine: Int)
    /// A key of an inline table not followed by `=`.
    case expectedEqualsInInlineTable(key: String)
    /// A key set twice in one inline table.
    case keySetTwiceInInlineTable(key: String)
    /// Something other than `,` or `}` after an inline table's value.
    case expectedInlineTableSeparator
    /// A basic string (`"…"`) not closed on its line.
    case stringNotClosedOnLine
    /// A basic string not closed before the end of the file.
    case stringNotClosed
    /// A literal string (`'…'`) not closed on its line.
    case literalStringNotClosed
    /// `\u` followed by other than four hex digits of a Unicode scalar.
    case badUnicodeEscape(hex: String)
    /// A backslash followed by a character TOML does not escape.
    case unknownEscape(Character)
    /// A `,` after a value (often a decimal comma).
    case commaAfterValue
    /// Another character after a value.
    case unexpectedAfterValue(Character)

    public var italian: String {
        switch self {
        case .quoteInUnquotedField:
            "virgolette dentro un campo che non inizia con le virgolette; metti tutto il campo tra virgolette e raddoppia quelle interne (\"\")"
        case .textAfterClosingQuote: "testo dopo le virgolette di chiusura; metti tutto il campo tra virgolette"
        case .unclosedQuote: "un campo tra virgolette non viene mai chiuso; aggiungi le virgolette di chiusura (\")"
        case let .emptyFile(expected, italian): "il file è vuoto; serve una riga d'intestazione con: \((italian ?? expected).joined(separator: ", "))"
        case let .missingColumn(required, italian): "colonna mancante; l'intestazione deve avere: \((italian ?? required).joined(separator: ", "))"
        case .unknownColumn(let known):
            "colonna sconosciuta; le colonne sono: \(known.joined(separator: ", ")) (o i loro nomi italiani); rinominala o toglila"
        case .repeatedColumn: "colonna indicata due volte; tienine una"
        case .unclosedTableHeader: "manca ']' a chiudere l'intestazione della tabella"
        case .unclosedArrayHeader: "manca ']]' a chiudere l'intestazione dell'array di tabelle"
        case .alreadyAValue(let line): "è già definito come valore alla riga \(line)"
        case .tableDefinedTwice(let path): "la tabella [\(path)] è definita due volte; unisci le due sezioni"
        case .expectedEquals(let key): "manca '=' dopo la chiave '\(key)'"
        case .keySetTwice(let firstLine): "è impostata due volte (la prima alla riga \(firstLine)); tienine una"
        case let .notATable(kind, line): "è \(kind.italian) (riga \(line)), non una tabella"
        case .expectedKey: "manca una chiave"
        case .badKeyCharacter(let c): "serve una chiave (lettere, cifre, '_' o '-'), trovato '\(c)'"
        case .expectedValue: "manca un valore dopo '='"
        case .multilineString: "i testi su più righe (\"\"\") non sono ammessi; scrivi su una riga"
        case .unexpectedCharacter(let c):
            "'\(c)' inatteso: serve un testo tra virgolette, un numero, true/false, una data o un array"
        case .notAValue(let token):
            "'\(token)' non è un valore: metti il testo tra virgolette, scrivi i numeri con il punto decimale (0.55, non 0,55) "
                + "e le date come AAAA-MM-GG"
        case .unclosedArray(let openLine): "l'array aperto alla riga \(openLine) non viene mai chiuso; aggiungi ']'"
        case .expectedArraySeparator(let openLine): "manca ',' o ']' nell'array aperto alla riga \(openLine)"
        case .expectedEqualsInInlineTable(let key): "manca '=' dopo '\(key)' nella tabella in linea"
        case .keySetTwiceInInlineTable(let key): "la chiave '\(key)' è impostata due volte nella tabella in linea"
        case .expectedInlineTableSeparator: "manca ',' o '}' nella tabella in linea"
        case .stringNotClosedOnLine: "il testo non è chiuso sulla sua riga; aggiungi le virgolette di chiusura"
        case .stringNotClosed: "il testo non è chiuso; aggiungi le virgolette di chiusura"
        case .literalStringNotClosed: "il testo non è chiuso sulla sua riga; aggiungi l'apice di chiusura (')"
        case .badUnicodeEscape(let hex): "sequenza \\u non valida: '\\u\(hex)'"
        case .unknownEscape(let c): "sequenza '\\\(c)' sconosciuta in un testo; scrivi '\\\\' per una barra rovesciata"
        case .commaAfterValue:
            "',' inattesa dopo il valore; scrivi i decimali con il punto (1.50, non 1,50) e una sola chiave = valore per riga"
        case .unexpectedAfterValue(let c): "'\(c)' inatteso dopo il valore; scrivi una sola chiave = valore per riga"
        }
    }

    public var english: String {
        switch self {
        case .quoteInUnquotedField: "a quote inside an unquoted field; put the whole field in quotes and double the inner quotes (\"\")"
        case .textAfterClosingQuote: "text after the closing quote; put the whole field in quotes"
        case .unclosedQuote: "a quoted field is never closed; add the closing quote (\")"
        case .emptyFile(let expected, _): "the file is empty; expected a header line with: \(expected.joined(separator: ", "))"
        case .missingColumn(let required, _): "missing column; the header must name: \(required.joined(separator: ", "))"
        case .unknownColumn(let known):
            "unknown column; the columns are: \(known.joined(separator: ", ")) (or their Italian names); rename it or remove it"
        case .repeatedColumn: "column named twice; keep one"
        case .unclosedTableHeader: "expected ']' to close the table header"
        case .unclosedArrayHeader: "expected ']]' to close the array-of-tables header"
        case .alreadyAValue(let line): "is already defined as a value on line \(line)"
        case .tableDefinedTwice(let path): "table [\(path)] is defined twice; merge the two sections"
        case .expectedEquals(let key): "expected '=' after the key '\(key)'"
        case .keySetTwice(let firstLine): "is set twice (first on line \(firstLine)); keep one"
        case let .notATable(kind, line): "is \(kind.english) (line \(line)), not a table"
        case .expectedKey: "expected a key"
        case .badKeyCharacter(let c): "expected a key (letters, digits, '_' or '-'), found '\(c)'"
        case .expectedValue: "expected a value after '='"
        case .multilineString: "multi-line strings (\"\"\") are not supported; use one line"
        case .unexpectedCharacter(let c): "unexpected '\(c)': expected a string in quotes, a number, true/false, a date or an array"
        case .notAValue(let token): "'\(token)' is not a value: put text in quotes, write numbers with a point (0.55) and dates as YYYY-MM-DD"
        case .unclosedArray(let openLine): "the array opened on line \(openLine) is never closed; add ']'"
        case .expectedArraySeparator(let openLine): "expected ',' or ']' in the array opened on line \(openLine)"
        case .expectedEqualsInInlineTable(let key): "expected '=' after '\(key)' in the inline table"
        case .keySetTwiceInInlineTable(let key): "key '\(key)' is set twice in the inline table"
        case .expectedInlineTableSeparator: "expected ',' or '}' in the inline table"
        case .stringNotClosedOnLine: "the string is not closed on its line; add the closing quote"
        case .stringNotClosed: "the string is not closed; add the closing quote"
        case .literalStringNotClosed: "the string is not closed on its line; add the closing quote (')"
        case .badUnicodeEscape(let hex): "bad \\u escape '\\u\(hex)'"
        case .unknownEscape(let c): "unknown escape '\\\(c)' in a string; write '\\\\' for a backslash"
        case .commaAfterValue: "unexpected ',' after the value; write decimals with a point (1.50, not 1,50) and one key = value per line"
        case .unexpectedAfterValue(let c): "unexpected '\(c)' after the value; put one key = value per line"
        }
    }
}
