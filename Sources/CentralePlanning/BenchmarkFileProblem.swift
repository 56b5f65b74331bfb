import CentraleFormats

/// The problems of a dial-a-ride benchmark file (Cordeau's format) or of its best known costs:
/// files of the public benchmark that `plan-bench` reads.
public enum BenchmarkFileProblem: Message, Hashable {
    case noCostColumn
    case notANumber(String)
    case empty
    case missingField
    case noVehicleOrRequest
    case tooFewRows(expected: Int, requests: Int, found: Int)
    case wrongNode(expected: Int, found: Int)
    case windowClosesBeforeOpening(earliest: Double, latest: Double)

    public var italian: String {
        switch self {
        case .noCostColumn: "serve il costo migliore noto nella colonna dopo `instance`"
        case .notANumber(let text): "'\(text)' non è un numero"
        case .empty: "il file è vuoto; la prima riga deve essere `K n T Q L`"
        case .missingField: "manca; ogni riga richiede `id x y service load earliest latest`"
        case .noVehicleOrRequest: "servono almeno un mezzo e una richiesta"
        case let .tooFewRows(expected, requests, found): "servono \(expected) righe di nodi (2n+2 con n = \(requests)), trovate \(found)"
        case let .wrongNode(expected, found): "atteso il nodo \(expected), trovato \(found)"
        case let .windowClosesBeforeOpening(earliest, latest): "la finestra [\(earliest), \(latest)] si chiude prima di aprirsi"
        }
    }

    public var english: String {
        switch self {
        case .noCostColumn: "expected the best known cost in the column after `instance`"
        case .notANumber(let text): "'\(text)' is not a number"
        case .empty: "the file is empty; expected a first line `K n T Q L`"
        case .missingField: "missing; each row needs `id x y service load earliest latest`"
        case .noVehicleOrRequest: "need at least one vehicle and one request"
        case let .tooFewRows(expected, requests, found): "expected \(expected) node rows (2n+2 with n = \(requests)), found \(found)"
        case let .wrongNode(expected, found): "expected node \(expected), found \(found)"
        case let .windowClosesBeforeOpening(earliest, latest): "the window [\(earliest), \(latest)] closes before it opens"
        }
    }
}
