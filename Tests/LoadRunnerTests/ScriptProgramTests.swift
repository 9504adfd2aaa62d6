import LoadRunner
import Scenario
import Testing

/// Compiling scenario steps into the engine's flat program.
struct ScriptProgramTests {
    static let steps: [Step] = [
        .repeat(
            RepeatStep(
                limit: .times(3),
                steps: [.send(SendStep(type: .binary, payload: .size(64))), .expect(ExpectStep(timeout: .seconds(2)))]
            )
        ),
        .expect(ExpectStep(match: .regex("^a"), timeout: .seconds(1))),
        .close(code: 1000, reason: "done"),
    ]

    @Test("repeat blocks become start and end instructions that point at each other")
    func repeatJumps() {
        let program = ScriptProgram(steps: Self.steps, paced: false) { _ in [] }
        #expect(program.instructions.count == 6)
        #expect(program.instructions[0] == .repeatStart(limit: .times(3), end: 3))
        #expect(program.instructions[3] == .repeatEnd(start: 0))
        #expect(program.instructions[5] == .close(code: 1000, reason: "done"))
    }

    @Test(
        "an expect of any message right after a send is pipelined only when sends are paced",
        arguments: [true, false]
    )
    func pipelining(paced: Bool) {
        let program = ScriptProgram(steps: Self.steps, paced: paced) { _ in [] }
        #expect(program.instructions[2] == .expect(match: .any, timeoutNanoseconds: 2_000_000_000, pipelined: paced))
        #expect(
            program.instructions[4] == .expect(match: .regex("^a"), timeoutNanoseconds: 1_000_000_000, pipelined: false)
        )
    }
}
