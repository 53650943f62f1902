package org.openysb.notification.sinks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.openysb.localstack.MailSink;

/**
 * The service's outside world, real and local: an SMTP server (GreenMail), an SMS provider ({@link SmsGatewayStub})
 * and complaint-intake's contact lookup ({@link IntakeContactsStub}), started once for every test class of the module
 * (a global test resource: one Quarkus boot). Tests reach them through the static accessors.
 */
public class LocalSinks implements QuarkusTestResourceLifecycleManager {
    public static final String SMS_KEY_ID = "test-sms-key";
    public static final String SMS_KEY_SECRET = "test-sms-secret-不要泄露";

    private static GreenMail mail;
    private static MailSink discardingMail;
    private static SmsGatewayStub sms;
    private static IntakeContactsStub intake;

    public static synchronized GreenMail mail() {
        return started(mail);
    }

    /**
     * Whether the service hands its emails to the local stack's counting SMTP sink instead of GreenMail (system
     * property {@code bench.mail-sink=discard}, set by the benchmark: GreenMail parses and keeps every message and would
     * be what is measured).
     */
    public static boolean mailDiscarded() {
        return "discard".equals(System.getProperty("bench.mail-sink"));
    }

    /** The counting SMTP sink (only when {@link #mailDiscarded}). */
    public static synchronized MailSink discardingMail() {
        return started(discardingMail);
    }

    /** The port of the SMTP server the service sends to. */
    public static synchronized int smtpPort() {
        return mailDiscarded() ? discardingMail().port() : mail().getSmtp().getPort();
    }

    public static synchronized SmsGatewayStub sms() {
        return started(sms);
    }

    public static synchronized IntakeContactsStub intake() {
        return started(intake);
    }

    private static <T> T started(T sink) {
        if (sink == null) {
            throw new IllegalStateException("the local sinks were not started (test resource LocalSinks)");
        }
        return sink;
    }

    @Override
    public synchronized Map<String, String> start() {
        // before the first com.sun.net.httpserver server of the JVM (read once): the stubs answer without Nagle delays
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            if (mail == null) {
                mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
                mail.start();
                if (mailDiscarded()) {
                    discardingMail = MailSink.discarding(0);
                }
                sms = new SmsGatewayStub(SMS_KEY_ID, SMS_KEY_SECRET);
                intake = new IntakeContactsStub();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                String.valueOf(smtpPort()),
                "notification.sms.endpoint",
                sms.endpoint(),
                "notification.sms.access-key-id",
                SMS_KEY_ID,
                "notification.sms.access-key-secret",
                SMS_KEY_SECRET,
                "quarkus.rest-client.intake.url",
                intake.url());
    }

    @Override
    public synchronized void stop() {
        if (mail != null) {
            mail.stop();
            if (discardingMail != null) {
                discardingMail.close();
                discardingMail = null;
            }
            sms.stop();
            intake.stop();
            mail = null;
            sms = null;
            intake = null;
        }
    }
}
