package io.jenkins.plugins.mesa.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Builds and POSTs Mist {@code device-events} webhooks the way Mist does: JSON body, HMAC-SHA256 of the raw
 * bytes in {@code X-Mist-Signature-v2} (lowercase hex), no crumb. The signature is computed here, independently
 * of mesa-core, so a signing bug on either side shows up.
 */
final class SignedWebhook {
    static final String SECRET = "s3cret-for-tests";
    static final String CREDENTIALS_ID = "mist-webhook-secret";
    static final String SITE = "978c48e6-6ef6-11e6-8bbf-02e208b2d34f";
    static final String ORG = "6748cfa6-4e12-11e6-9188-0242ac110007";

    private final List<JSONObject> events = new ArrayList<>();

    /** Stores the webhook secret as a global Secret text credential and selects it in the MESA configuration. */
    static void configureSecret() throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        CREDENTIALS_ID,
                        "Mist webhook secret",
                        hudson.util.Secret.fromString(SECRET)));
        SystemCredentialsProvider.getInstance().save();
        MesaConfiguration.get().setWebhookSecretCredentialsId(CREDENTIALS_ID);
    }

    SignedWebhook event(String type, String mac, String apName, long timestamp) {
        return event(type, mac, apName, SITE, "HQ", timestamp);
    }

    SignedWebhook event(String type, String mac, String apName, String siteId, String siteName, long timestamp) {
        JSONObject e = new JSONObject();
        e.put("device_name", apName);
        e.put("device_type", "ap");
        e.put("ev_type", "notice");
        e.put("mac", mac);
        e.put("org_id", ORG);
        e.put("site_id", siteId);
        e.put("site_name", siteName);
        e.put("timestamp", timestamp);
        e.put("type", type);
        events.add(e);
        return this;
    }

    String body() {
        JSONObject o = new JSONObject();
        o.put("topic", "device-events");
        JSONArray a = new JSONArray();
        a.addAll(events);
        o.put("events", a);
        return o.toString();
    }

    static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** POSTs the body signed with the test secret. */
    WebResponse post(JenkinsRule j) throws Exception {
        String body = body();
        return post(j, body, sign(SECRET, body.getBytes(StandardCharsets.UTF_8)));
    }

    static WebResponse post(JenkinsRule j, String body, String signature) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        WebRequest req = new WebRequest(new URL(j.getURL(), MistWebhookAction.URL_NAME + "/"), HttpMethod.POST);
        req.setAdditionalHeader("Content-Type", "application/json");
        req.setAdditionalHeader("User-Agent", "Mist-webhook");
        if (signature != null) {
            req.setAdditionalHeader("X-Mist-Signature-v2", signature);
        }
        req.setRequestBody(body);
        return wc.loadWebResponse(req);
    }

    static JSONObject json(WebResponse rsp) {
        return JSONObject.fromObject(rsp.getContentAsString());
    }
}
