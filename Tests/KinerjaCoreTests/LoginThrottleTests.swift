import KinerjaCore
import Testing

@Suite struct LoginThrottleTests {
    @Test func failures_are_free_then_locks_double_up_to_a_ceiling() {
        let throttle = LoginThrottle(freeAttempts: 5, firstLockSeconds: 60, maxLockSeconds: 3_600)
        #expect((0...4).allSatisfy { throttle.lockSeconds(afterFailures: $0) == nil })
        #expect(throttle.lockSeconds(afterFailures: 5) == 60)
        #expect(throttle.lockSeconds(afterFailures: 6) == 120)
        #expect(throttle.lockSeconds(afterFailures: 8) == 480)
        #expect(throttle.lockSeconds(afterFailures: 11) == 3_600)
        #expect(throttle.lockSeconds(afterFailures: 500) == 3_600)
    }

    @Test func passwords_must_be_long_mixed_and_impersonal() throws {
        func code(_ password: String) -> String? {
            do {
                try PasswordRules.check(password, username: "siti", nip: "197001011990032001")
                return nil
            } catch { return error.code }
        }
        #expect(code("pendek1") == "password.short")
        #expect(code("sitinurhaliza2026") == "password.personal")
        #expect(code("x197001011990032001") == "password.personal")
        #expect(code("hanyahurufsaja") == "password.mix")
        #expect(code("Kinerja-2026!") == nil)
    }
}
