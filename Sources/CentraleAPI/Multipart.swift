/// One part of a `multipart/form-data` body (RFC 7578): a form field or an uploaded file.
public struct FormPart: Sendable, Equatable {
    /// The field's name.
    public var name: String
    /// The uploaded file's name, for a file.
    public var fileName: String?
    /// The part's bytes.
    public var data: [UInt8]

    /// The part as UTF-8 text (a form field).
    public var text: String { String(decoding: data, as: UTF8.self) }
}

/// Reads `multipart/form-data` bodies: the page's upload form, without a framework.
public enum Multipart {
    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header, or nil.
    public static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: " ") }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: "\"")
            return (1...70).contains(value.count) ? value : nil
        }
        return nil
    }

    /// The parts of `body`, or nil when it is not a well-formed multipart body with that boundary.
    public static func parts(of body: [UInt8], boundary: String) -> [FormPart]? {
        let delimiter = Array("--\(boundary)".utf8)
        var positions: [Int] = []
        var index = 0
        while let found = find(delimiter, in: body, from: index) {
            positions.append(found)
            index = found + delimiter.count
        }
        guard positions.count >= 2 else { return nil }
        var result: [FormPart] = []
        for (start, end) in zip(positions, positions.dropFirst()) {
            var partStart = start + delimiter.count
            // The delimiter line ends with CRLF; the part runs until the CRLF before the next one.
            guard body.count >= partStart + 2, body[partStart] == 13, body[partStart + 1] == 10 else { return nil }
            partStart += 2
            let partEnd = end - 2
            guard partEnd >= partStart, body[partEnd] == 13, body[partEnd + 1] == 10 else { return nil }
            let part = Array(body[partStart..<partEnd])
            guard let headerEnd = find(Array("\r\n\r\n".utf8), in: part, from: 0) else { return nil }
            let headers = String(decoding: part[..<headerEnd], as: UTF8.self)
            var name: String?, fileName: String?
            for line in headers.split(separator: "\r\n").map(String.init) where line.lowercased().hasPrefix("content-disposition:") {
                name = parameter("name", in: line)
                fileName = parameter("filename", in: line)
            }
            guard let name else { return nil }
            result.append(FormPart(name: name, fileName: fileName, data: Array(part[(headerEnd + 4)...])))
        }
        // The last delimiter is the closing one: `--boundary--`.
        let last = positions[positions.count - 1] + delimiter.count
        guard body.count >= last + 2, body[last] == 45, body[last + 1] == 45 else { return nil }
        return result
    }

    /// The value of `name="…"` in a Content-Disposition line.
    static func parameter(_ name: String, in line: String) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: " ") }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            return pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
        }
        return nil
    }

    /// The first occurrence of `needle` at or after `start`, in time linear in the bytes read
    /// (Knuth–Morris–Pratt): a body made to look almost like the boundary costs no more than any other.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        let m = needle.count
        guard m > 0, start >= 0, haystack.count >= m, start <= haystack.count - m else { return nil }
        var failure = [Int](repeating: 0, count: m)
        var k = 0
        for i in 1..<max(m, 1) {
            while k > 0 && needle[i] != needle[k] { k = failure[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            failure[i] = k
        }
        return haystack.withUnsafeBufferPointer { h -> Int? in
            var q = 0
            for i in start..<h.count {
                while q > 0 && h[i] != needle[q] { q = failure[q - 1] }
                if h[i] == needle[q] { q += 1 }
                if q == m { return i - m + 1 }
            }
            return nil
        }
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
