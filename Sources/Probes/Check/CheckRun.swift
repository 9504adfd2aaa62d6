package import NIOCore
import ResultCodes
import RunResults
import SecretRedaction
import TLSOpenSSL
import WSProtocol
import WSTransport

/// `wsprobe check`: opens one WebSocket, times every phase, echoes, pings, closes, and explains any failure.
package enum CheckRun {
    /// Runs the plan on one event loop of `group` and returns the result; it never throws.
    package static func run(_ plan: CheckPlan, on group: any EventLoopGroup) async -> CheckRecorder {
        let loop = group.next()
        let finished = loop.makePromise(of: CheckSession.Outcome.self)
        let connected = loop.flatSubmit {
            WebSocketConnector.connect(
                options: plan.connect,
                on: loop,
                delegate: CheckSession(plan: plan, finished: finished)
            )
        }
        var result = CheckRecorder(url: Redaction.redact(text: plan.connect.url.text), insecure: plan.insecure)
        let info: ConnectionInfo
        do {
            info = try await connected.get()
        } catch let failure as ConnectFailure {
            finished.fail(failure)
            result.record(failure: failure)
            return result
        } catch {
            finished.fail(error)
            result.failure = CheckFailure(
                phase: Phase.tcp.rawValue,
                code: ErrorCode.internalError.rawValue,
                message: "\(error)"
            )
            return result
        }
        result.record(info: info)
        do {
            let outcome = try await finished.futureResult.get()
            result.record(session: outcome, plan: plan, info: info)
        } catch {
            result.failure = CheckFailure(
                phase: Phase.open.rawValue,
                code: ErrorCode.internalError.rawValue,
                message: "\(error)"
            )
        }
        return result
    }
}
