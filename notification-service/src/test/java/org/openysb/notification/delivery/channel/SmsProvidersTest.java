package org.openysb.notification.delivery.channel;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.openysb.notification.config.NotificationConfig;
import org.openysb.notification.sinks.SmsGatewayStub;
import org.openysb.notification.sinks.SmsGatewayStub.Attempt;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both SMS providers against the signature-checking provider stub, without Quarkus (the provider is chosen at boot,
 * and the module boots Quarkus once): what the stub received, that it verified the signature, and how the provider's
 * errors are classified (permanent: DEAD at once; otherwise retried).
 */
class SmsProvidersTest {
    private static final String KEY_ID = "unit-sms-key";
    private static final String SECRET = "unit-sms-secret-不要泄露";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SmsGatewayStub stub;

    @BeforeAll
    static void start() throws Exception {
        stub = new SmsGatewayStub(KEY_ID, SECRET);
    }

    @AfterAll
    static void stop() {
        stub.stop();
    }

    record TencentSettings(String sdkAppId, String templateId, String region)
            implements NotificationConfig.Sms.Tencent {}

    record Settings(
            NotificationConfig.Sms.Provider provider,
            String endpoint,
            String accessKeyId,
            String accessKeySecret,
            NotificationConfig.Sms.Tencent tencent,
            String signName,
            int maxSegments,
            String overflow,
            Duration timeout)
            implements NotificationConfig.Sms {}

    private static Settings settings(NotificationConfig.Sms.Provider provider, String secret, Duration timeout) {
        return new Settings(
                provider,
                stub.endpoint(),
                KEY_ID,
                secret,
                new TencentSettings("1400123456", "2001234", "ap-guangzhou"),
                "营商环境投诉",
                3,
                "TRIM",
                timeout);
    }

    private static SmsGateway gateway(NotificationConfig.Sms.Provider provider) {
        Settings s = settings(provider, SECRET, Duration.ofSeconds(5));
        return new SmsGateway(
                s,
                provider == NotificationConfig.Sms.Provider.TENCENT
                        ? new TencentSmsProvider(s, JSON)
                        : new AliyunSmsProvider(s, JSON));
    }

    @Test
    void tencentSendsASignedJsonRequestThatTheProviderAccepts() {
        SmsGateway sms = gateway(NotificationConfig.Sms.Provider.TENCENT);
        assertEquals("tencent", sms.provider());
        String text = "【营商环境投诉】您的诉求已受理，案件编号TX202611220001。请留意后续通知。";
        String serial = sms.send("13800110001", text);

        assertThat(serial, not(equalTo("")));
        List<Attempt> sent = stub.sentTo("13800110001");
        assertThat(sent, hasSize(1));
        Attempt a = sent.get(0);
        assertEquals("tencent", a.provider());
        assertEquals("13800110001", a.phone()); // sent as +8613800110001
        assertEquals(text, a.content()); // 【signature】 + the template's single parameter
        assertEquals("营商环境投诉", a.signName());
        assertThat(stub.rejected(), empty()); // Authorization TC3-HMAC-SHA256 recomputed and matched by the stub
    }

    @Test
    void aliyunStaysTheDefaultProtocol() {
        SmsGateway sms = gateway(NotificationConfig.Sms.Provider.ALIYUN);
        assertEquals("aliyun", sms.provider());
        sms.send("13800110002", "【营商环境投诉】您的诉求已办结。");
        Attempt a = stub.sentTo("13800110002").get(0);
        assertEquals("aliyun", a.provider());
        assertEquals("【营商环境投诉】您的诉求已办结。", a.content());
        assertThat(stub.rejected(), empty());
    }

    @Test
    void aWrongSecretIsRefusedByTheProviderAndRetried() {
        Settings wrong = settings(NotificationConfig.Sms.Provider.TENCENT, "not-the-secret", Duration.ofSeconds(5));
        DeliveryException e = assertThrows(
                DeliveryException.class, () -> new TencentSmsProvider(wrong, JSON).send("13800110003", "【营商环境投诉】测试"));
        assertThat(e.getMessage(), containsString("AuthFailure.SignatureFailure"));
        assertFalse(e.permanent(), "a key problem is fixed by an operator; the message waits");
        assertEquals(
                "AuthFailure.SignatureFailure",
                stub.attemptsFor("13800110003").get(0).code());
        stub.clear(); // the other tests assert that nothing was rejected
    }

    @Test
    void tencentErrorsArePermanentOrRetriedByTheirCode() {
        SmsGateway sms = gateway(NotificationConfig.Sms.Provider.TENCENT);
        // code the stub answers -> permanent?
        List<Object[]> cases = List.of(
                new Object[] {"InvalidParameterValue.IncorrectPhoneNumber", true},
                new Object[] {"UnauthorizedOperation.SmsSdkAppIdVerifyFail", true},
                new Object[] {"FailedOperation.ContainSensitiveWord", true},
                new Object[] {"LimitExceeded.PhoneNumberDailyLimit", false},
                new Object[] {"InternalError.Timeout", false},
                new Object[] {"FailedOperation.InsufficientBalanceInSmsPackage", false});
        int i = 0;
        for (Object[] c : cases) {
            String phone = "1380011" + String.format("%04d", 100 + i++);
            stub.failWith(phone, (String) c[0]);
            DeliveryException e = assertThrows(DeliveryException.class, () -> sms.send(phone, "【营商环境投诉】测试" + c[0]));
            assertThat(e.getMessage(), containsString((String) c[0]));
            assertEquals(c[1], e.permanent(), c[0] + " permanent");
            stub.recover(phone);
            sms.send(phone, "【营商环境投诉】恢复后"); // the same provider accepts the phone again
            assertThat(stub.sentTo(phone), hasSize(1));
        }
        stub.refuse("13800119999");
        DeliveryException blacklisted =
                assertThrows(DeliveryException.class, () -> sms.send("13800119999", "【营商环境投诉】测试"));
        assertThat(blacklisted.getMessage(), containsString("FailedOperation.PhoneNumberInBlacklist"));
        assertTrue(blacklisted.permanent());
        stub.failFor("13800118888");
        assertFalse(assertThrows(DeliveryException.class, () -> sms.send("13800118888", "【营商环境投诉】测试"))
                .permanent());
        stub.recover("13800118888");
        assertThat(stub.rejected(), empty());
    }

    @Test
    void aHungProviderIsATimeoutThatIsRetried() {
        Settings s = settings(NotificationConfig.Sms.Provider.TENCENT, SECRET, Duration.ofMillis(300));
        stub.delay("13800117777", Duration.ofSeconds(3));
        long t0 = System.nanoTime();
        DeliveryException e = assertThrows(
                DeliveryException.class, () -> new TencentSmsProvider(s, JSON).send("13800117777", "【营商环境投诉】测试"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        stub.recover("13800117777");
        assertFalse(e.permanent());
        assertTrue(ms < 1_500, "bounded by the timeout (+1 s at most), took " + ms + " ms");
    }

    @Test
    void tooLongATextIsRefusedForGoodBeforeAnyProviderIsAsked() {
        SmsGateway sms = gateway(NotificationConfig.Sms.Provider.TENCENT);
        DeliveryException e =
                assertThrows(DeliveryException.class, () -> sms.send("13800116666", "【营商环境投诉】" + "长".repeat(300)));
        assertTrue(e.permanent());
        assertThat(stub.attemptsFor("13800116666"), empty());
    }

    @Test
    void classification() {
        assertTrue(TencentSmsProvider.permanent("InvalidParameterValue.TemplateParameterLengthLimit"));
        assertTrue(TencentSmsProvider.permanent("FailedOperation.PhoneNumberInBlacklist"));
        assertTrue(TencentSmsProvider.permanent("UnauthorizedOperation.SerivceSuspendDueToArrears"));
        assertFalse(TencentSmsProvider.permanent("LimitExceeded.DeliveryFrequencyLimit"));
        assertFalse(TencentSmsProvider.permanent("InternalError.RequestTimeException"));
        assertFalse(TencentSmsProvider.permanent("RequestLimitExceeded"));
        assertFalse(TencentSmsProvider.permanent(null));
        assertTrue(AliyunSmsProvider.permanent("isv.MOBILE_NUMBER_ILLEGAL"));
        assertFalse(AliyunSmsProvider.permanent("isp.SYSTEM_ERROR"));
    }
}
