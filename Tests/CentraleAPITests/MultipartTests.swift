import Testing
@testable import CentraleAPI

@Suite struct MultipartTests {
    static let body = Array("""
        --XyZ\r
        Content-Disposition: form-data; name="lang"\r
        \r
        it\r
        --XyZ\r
        Content-Disposition: form-data; name="file"; filename="registro marzo.csv"\r
        Content-Type: text/csv\r
        \r
        trip;km\r
        12;3,4\r
        \r
        --XyZ--\r

        """.utf8)

    @Test func readsFieldsAndFilesWithTheirBytes() throws {
        #expect(Multipart.boundary(contentType: "multipart/form-data; boundary=XyZ") == "XyZ")
        #expect(Multipart.boundary(contentType: "multipart/form-data; boundary=\"XyZ\"") == "XyZ")
        #expect(Multipart.boundary(contentType: "application/json") == nil)
        let parts = try #require(Multipart.parts(of: Self.body, boundary: "XyZ"))
        #expect(parts.count == 2)
        #expect(parts[0] == FormPart(name: "lang", fileName: nil, data: Array("it".utf8)))
        #expect(parts[1].fileName == "registro marzo.csv")
        #expect(parts[1].text == "trip;km\r\n12;3,4\r\n", "the file's own line breaks are kept")
    }

    @Test func refusesBodiesThatAreNotWellFormed() {
        #expect(Multipart.parts(of: Array("no boundary here".utf8), boundary: "XyZ") == nil)
        #expect(Multipart.parts(of: Array(Self.body.dropLast(9)), boundary: "XyZ") == nil, "no closing delimiter")
        #expect(Multipart.parts(of: [], boundary: "XyZ") == nil)
        let noName = Array("--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n".utf8)
        #expect(Multipart.parts(of: noName, boundary: "b") == nil)
    }
}
