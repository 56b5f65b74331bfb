import CentraleFormats

/// The server's page for associations without the CLI: log in with the token, upload a month's
/// log and read the result line by line, download the statement and the trips. Plain HTML
/// forms from the `page` template, no script.
public enum PageRenderer {
    /// What the page shows.
    public enum View: Sendable {
        /// The login form, with the reason of a failed attempt.
        case login(error: String?)
        /// The association's page, with the month its forms start on.
        case home(who: String, month: String)
        /// The result of an upload: its summary and one line per problem or flag.
        case result(who: String, file: String, accepted: Bool, summary: String, lines: [String])
        /// What went wrong with a request of the page, and the way back.
        case problem(who: String?, message: String)
    }

    public static func render(_ view: View, language: Language) throws -> String {
        let l = language == .it ? italian : english
        var object: [String: Any] = ["lang": language.rawValue, "l": l]
        switch view {
        case .login(let error):
            object["title"] = l["loginTitle"]
            object["login"] = true
            if let error { object["error"] = error }
        case let .home(who, month):
            object["title"] = l["homeTitle"]
            object["who"] = who
            object["home"] = true
            object["month"] = month
        case let .result(who, file, accepted, summary, lines):
            object["title"] = l["resultTitle"]
            object["who"] = who
            object["result"] = ["file": file, "accepted": accepted, "summary": summary, "lines": lines, "hasLines": !lines.isEmpty] as [String: Any]
        case let .problem(who, message):
            object["title"] = l["problemTitle"]
            if let who { object["who"] = who }
            object["result"] = ["file": l["problemTitle"]!, "accepted": false, "summary": message, "lines": [String](), "hasLines": false] as [String: Any]
        }
        return try Templates.render(object, template: "page") + "\n"
    }

    static let italian: [String: String] = [
        "loginTitle": "Accesso", "loginHelp": "Inserisci il codice di accesso (token) che la centrale ha dato alla tua associazione.",
        "token": "Codice di accesso", "enter": "Entra", "logout": "Esci", "homeTitle": "La tua associazione",
        "uploadTitle": "Invia il registro dei viaggi",
        "uploadHelp": "Un file CSV (anche salvato da Excel) o JSON con i viaggi svolti. Il file è accettato tutto o niente: se una riga ha un errore, nulla viene registrato e ogni problema è elencato con riga e campo.",
        "file": "File del registro", "upload": "Invia", "statementTitle": "Rendiconto del mese", "month": "Mese", "format": "Formato",
        "download": "Scarica", "tripsTitle": "Viaggi assegnati", "resultTitle": "Esito dell'invio", "back": "Torna alla pagina dell'associazione",
        "problemTitle": "Richiesta non riuscita",
    ]

    static let english: [String: String] = [
        "loginTitle": "Log in", "loginHelp": "Enter the access token the centre gave your association.",
        "token": "Access token", "enter": "Log in", "logout": "Log out", "homeTitle": "Your association",
        "uploadTitle": "Submit the trip log",
        "uploadHelp": "A CSV file (Excel's too) or JSON with the trips done. The file is all or nothing: if a row has an error, nothing is recorded and every problem is listed with its line and field.",
        "file": "Trip-log file", "upload": "Submit", "statementTitle": "The month's statement", "month": "Month", "format": "Format",
        "download": "Download", "tripsTitle": "Assigned trips", "resultTitle": "Submission result", "back": "Back to the association's page",
        "problemTitle": "Request not done",
    ]
}
