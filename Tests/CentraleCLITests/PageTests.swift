import CentraleServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The page for associations without the CLI: log in, upload a log and read the result line by
/// line, download the statement; plain HTML that headless Chromium renders.
@Suite("the associations' page", .serialized)
struct PageTests {
    static let boundary = "----centrale-test-7MA4YWxk"

    static func multipart(file name: String, _ content: String) -> ByteBuffer {
        ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n"
                   + content + "\r\n--\(boundary)--\r\n")
    }

    @Test("log in with the token, upload a log and read every problem by line, download the statement")
    func loginUploadDownload() async throws {
        let work = try Workspace()
        let setup = try ServerCommandTests().twoCopies(work)
        let token = try issueToken(setup.served, ["--association", setup.association])
        let monitoring = try issueToken(setup.served, ["--role", "monitoring", "--owner", "Tavolo"])
        let good = "viaggio;data;targa;autista;km;ora_presa;ora_arrivo;esito\r\n"
            + "\(setup.trips[0]);03/03/2025;\(setup.plate);V01;12,4;07:31;07:58;done\r\n"
        let bad = "trip,vehicle,driver,km,outcome\n\(setup.trips[0]),\(setup.plate),V01,abc,done\n\(setup.trips[1]),\(setup.plate),,3,done\n"
        let pages = work.url
        try await withServer(setup.served) { client, url in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"it\">") && html.contains("action=\"/login\"") && html.contains("Codice di accesso"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            }
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=ctr_sbagliato&lang=it")) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("Codice di accesso non valido"))
            }
            try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=\(monitoring)&lang=it")) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("Questa pagina è per le associazioni"))
            }
            let login = try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=\(token)&lang=it")) { $0 }
            #expect(login.status == .seeOther && login.headers[.location] == "/app")
            let cookies = login.headers[values: .setCookie]
            #expect(cookies.first?.contains("HttpOnly; SameSite=Strict") == true)
            let cookie: HTTPFields = [.cookie: cookies.map { String($0.split(separator: ";")[0]) }.joined(separator: "; ")]

            try await client.execute(uri: "/app", method: .get, headers: cookie) { response in
                #expect(String(buffer: response.body).contains("Invia il registro dei viaggi"))
                #expect(String(buffer: response.body).contains("\(setup.association)"))
            }
            try await client.execute(uri: "/app", method: .get) { #expect($0.status == .seeOther) }  // no cookie: to the login

            var upload = cookie
            upload[.contentType] = "multipart/form-data; boundary=\(Self.boundary)"
            let rejected = try await client.execute(uri: "/app/logs", method: .post, headers: upload, body: Self.multipart(file: "sbagliato.csv", bad)) { $0 }
            #expect(rejected.status == .unprocessableContent)
            let rejectedHTML = String(buffer: rejected.body)
            #expect(rejectedHTML.contains("<li>errore: sbagliato.csv:2: km:"))
            #expect(rejectedHTML.contains("<li>errore: sbagliato.csv:3: driver:"))
            #expect(rejectedHTML.contains("sbagliato.csv: rifiutato (6 problemi), non è stato scritto nulla."))
            try rejectedHTML.write(to: pages.appendingPathComponent("rejected.html"), atomically: true, encoding: .utf8)

            let accepted = try await client.execute(uri: "/app/logs", method: .post, headers: upload, body: Self.multipart(file: "marzo.csv", good)) { $0 }
            #expect(accepted.status == .ok)
            #expect(String(buffer: accepted.body).contains("marzo.csv: 1 nuovo, 0 già registrati"), "\(String(buffer: accepted.body))")

            try await client.execute(uri: "/app/statement?month=2025-03&format=csv", method: .get, headers: cookie) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"rendiconto-\(setup.association)-2025-03.csv\"")
                #expect(String(buffer: response.body).hasPrefix("\u{FEFF}servizio;"))
            }
            try await client.execute(uri: "/app/statement?month=marzo&format=csv", method: .get, headers: cookie) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body).contains("Mese non valido: scrivilo come 2026-03 o 03/2026."))
            }
            try await client.execute(uri: "/app/statement?month=03%2F2025&format=md", method: .get, headers: cookie) { #expect($0.status == .ok) }
            try await client.execute(uri: "/app/statement?month=3%2F2025&format=md", method: .get, headers: cookie) { #expect($0.status == .ok) }
            // A month typed by hand has the years and the form of any month: year 1 or month 13 is not one.
            for month in ["01%2F0001", "13%2F2025", "3%2F25", "%2F2025"] {
                try await client.execute(uri: "/app/statement?month=\(month)&format=md", method: .get, headers: cookie) {
                    #expect($0.status == .badRequest, "\(month)")
                }
            }

            // A token revoked meanwhile: the page asks to log in again and clears the cookie, however often it is reloaded.
            #expect(try centrale(["token", "revoke", "1", "--db", setup.served]).status == 0)
            for _ in 0..<12 {
                try await client.execute(uri: "/", method: .get, headers: cookie) { response in
                    #expect(response.status == .unauthorized)
                    #expect(String(buffer: response.body).contains("Accesso scaduto o revocato"))
                    #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
                }
            }
            let stale = try await client.execute(uri: "/app/logs", method: .post, headers: upload, body: Self.multipart(file: "marzo.csv", good)) { $0 }
            #expect(String(buffer: stale.body).contains("il file non è stato inviato"))

            // Headless Chromium reads the live login page and the result page as a person's browser would.
            let dom = try chromium(["--dump-dom", url + "/?lang=en"])
            #expect(dom.contains("<form method=\"post\" action=\"/login\">") && dom.contains("Access token"), "\(dom.prefix(400))")
        }
        let resultDOM = try chromium(["--dump-dom", pages.appendingPathComponent("rejected.html").absoluteString])
        #expect(resultDOM.components(separatedBy: "<li>").count - 1 == 6, "six problem lines in \(resultDOM.prefix(600))")
        let png = pages.appendingPathComponent("rejected.png")
        _ = try chromium(["--screenshot=\(png.path)", "--window-size=1024,768", pages.appendingPathComponent("rejected.html").absoluteString])
        let size = (try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "a screenshot with content, not a blank page (\(size) bytes)")
    }

    /// Runs headless Chromium (Debian's `chromium`, which `tools/test.sh` installs) and returns its output.
    func chromium(_ arguments: [String]) throws -> String {
        guard let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw TestFailure("headless Chromium is needed for the page's test: apt-get install chromium (tools/test.sh does)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
