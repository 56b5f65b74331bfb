import CentraleServer
import Foundation
import OpenAPIKit
import Testing
import Yams

/// The committed OpenAPI 3.1 document: valid, and describing the routes the server has.
@Suite struct OpenAPIDocumentTests {
    static func document() throws -> OpenAPI.Document {
        try YAMLDecoder().decode(OpenAPI.Document.self, from: CentraleServer.openAPIDocument)
    }

    @Test func isAValidOpenAPI31Document() throws {
        let document = try Self.document()
        #expect(document.openAPIVersion == .v3_1_0)
        try document.validate()  // OpenAPIKit's checks: references resolve, operations have responses, ids are unique…
    }

    /// Every route the server answers is described, with its method, and nothing else is.
    @Test func describesEveryRouteOfTheServer() throws {
        let document = try Self.document()
        var described: Set<String> = []
        for (path, item) in document.paths {
            guard case .b(let item) = item else { continue }
            for endpoint in item.endpoints { described.insert("\(endpoint.method.rawValue) \(path.rawValue)") }
        }
        #expect(described == CentraleServer.apiRoutes, "document: \(described.sorted()), server: \(CentraleServer.apiRoutes.sorted())")
    }

    @Test func everyRouteBehindATokenSaysSoAndAnswersTheRefusals() throws {
        let document = try Self.document()
        for (path, item) in document.paths {
            guard case .b(let item) = item, path.rawValue.hasPrefix("/api/") else { continue }
            for endpoint in item.endpoints {
                #expect(endpoint.operation.security == nil, "\(path.rawValue) uses the document's bearer security")
                #expect(endpoint.operation.responses[status: 401] != nil, "\(endpoint.method) \(path.rawValue) documents 401")
                #expect(endpoint.operation.responses[status: 429] != nil, "\(endpoint.method) \(path.rawValue) documents 429")
            }
        }
        #expect(document.security.first?.keys.first?.name == "bearer")
    }
}

extension OpenAPIDocumentTests {
    /// The validation can fail: a reference to a schema that does not exist is caught.
    @Test func aBrokenReferenceIsCaught() throws {
        let broken = CentraleServer.openAPIDocument.replacingOccurrences(of: "#/components/schemas/Trip\"", with: "#/components/schemas/Nope\"")
        #expect(broken != CentraleServer.openAPIDocument)
        let document = try YAMLDecoder().decode(OpenAPI.Document.self, from: broken)
        #expect(throws: (any Error).self) { try document.validate() }
    }
}
