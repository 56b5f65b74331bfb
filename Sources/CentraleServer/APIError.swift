import CentraleAPI
import CentraleFormats
import CentraleOffice
import CentraleStore
import CentraleTripLogs
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A refusal with its HTTP status; its body is an `ErrorReply`.
struct APIError: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var message: any Message
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: any Message, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBody.response(ErrorReply(error: message.text(request.language)), status: status, headers: headers)
    }

    /// The error's message as the CLI prints it, in both languages (the request's is chosen when answering).
    private static func message(_ error: Error) -> ErrorMessage {
        ErrorMessage(italian: ErrorText.message(error, .it), english: ErrorText.message(error, .en))
    }

    /// The HTTP answer to an error of the store or of the input: the message the CLI would print.
    static func from(_ error: Error) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as StoreError:
            switch error {
            case .notFound: return APIError(.notFound, message(error))
            case .changedMeanwhile: return APIError(.conflict, message(error))
            default: return APIError(.unprocessableContent, message(error))
            }
        case is FieldError, is FieldErrors, is any RemediableError, is any Message, is any LocalizedError:
            return APIError(.unprocessableContent, message(error))
        default: return APIError(.internalServerError, ServerMessage.internalError)
        }
    }
}

/// JSON bodies, encoded as the CLI's `--format json` is (sorted keys).
enum JSONBody {
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{\"error\":\"could not encode the answer\"}".utf8)
        return text(String(decoding: data, as: UTF8.self) + "\n", contentType: "application/json; charset=utf-8", status: status, headers: headers)
    }

    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Every error a route throws becomes an answer with the CLI's message: a store's refusal, a
/// bad value; an unexpected one is logged and answered 500 without its details.
struct ErrorAnswers: RouterMiddleware {
    typealias Context = CentraleRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            if error is APIError { throw error }
            // Hummingbird's own (a missing route, a body over its limit): the same JSON shape.
            switch error.status {
            case .notFound: throw APIError(.notFound, ServerMessage.noSuchAddress)
            case .contentTooLarge: throw APIError(.contentTooLarge, ServerMessage.bodyOver50MB)
            default: throw APIError(error.status, ServerMessage.reason(error.status.reasonPhrase))
            }
        } catch {
            let answer = APIError.from(error)
            if answer.status == .internalServerError { context.logger.error("request failed", metadata: ["error": "\(error)"]) }
            throw answer
        }
    }
}
