internal import CLibPQ
import DFXSQL

/// Carries libpq's notice callbacks to the connection's Swift handler.
///
/// The connection passes an unretained pointer to its relay as the receiver's context and keeps the
/// relay alive for as long as its `PGconn` (the relay is released only after `PQfinish`), so the
/// pointer is valid whenever libpq calls back. Callbacks arrive on the thread running the statement.
final class NoticeRelay {
    var handler: ((DatabaseNotice) -> Void)?

    /// Installs this relay as `connection`'s notice receiver.
    func install(on connection: OpaquePointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        PQsetNoticeReceiver(
            connection,
            { context, result in
                guard let context, let result else { return }
                Unmanaged<NoticeRelay>.fromOpaque(context).takeUnretainedValue().receive(result)
            }, context)
    }

    private func receive(_ result: OpaquePointer) {
        guard let handler else { return }
        handler(Self.notice(from: result))
    }

    /// The notice a libpq result carries (the result stays owned by libpq).
    static func notice(from result: OpaquePointer) -> DatabaseNotice {
        func field(_ code: UInt8) -> String? {
            guard let value = PQresultErrorField(result, Int32(code)) else { return nil }
            return String(cString: value)
        }
        let message = field(UInt8(ascii: "M")) ?? String(cString: PQresultErrorMessage(result)).trimmingTrailingNewlines
        return DatabaseNotice(
            severity: field(UInt8(ascii: "V")) ?? field(UInt8(ascii: "S")) ?? "NOTICE", code: field(UInt8(ascii: "C")),
            message: message, detail: field(UInt8(ascii: "D")), hint: field(UInt8(ascii: "H")))
    }
}
