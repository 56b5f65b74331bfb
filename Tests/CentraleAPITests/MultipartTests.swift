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

extension MultipartTests {
    /// A file that looks almost like the boundary is read right (and in linear time: KMP).
    @Test func findsTheBoundaryInBytesMadeToLookLikeIt() throws {
        let boundary = "X" + String(repeating: "-", count: 69)
        let content = String(repeating: "-", count: 5_000) + "X" + String(repeating: "-", count: 68) + "\r\n"
        let body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n\(content)\r\n--\(boundary)--\r\n".utf8)
        let parts = try #require(Multipart.parts(of: body, boundary: boundary))
        #expect(parts.count == 1 && parts[0].text == content)
        #expect(Multipart.find(Array("aab".utf8), in: Array("aaaab".utf8), from: 0) == 2)
        #expect(Multipart.find(Array("abab".utf8), in: Array("abaabab".utf8), from: 0) == 3)
        #expect(Multipart.find(Array("x".utf8), in: Array("abc".utf8), from: 0) == nil)
    }
}
