package io.jenkins.plugins.mesa.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.UnprotectedRootAction;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.csrf.CrumbExclusion;
import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.mist.IgnoredEvent;
import io.jenkins.plugins.mesa.mist.WebhookBatch;
import io.jenkins.plugins.mesa.mist.WebhookIntake;
import io.jenkins.plugins.mesa.mist.WebhookRejected;
import io.jenkins.plugins.mesa.mist.WebhookSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.kohsuke.stapler.json.JsonHttpResponse;

/**
 * {@code POST /mist-webhook/}: Mist's {@code device-events} webhook. Reads the raw body once (size-capped),
 * lets mesa-core verify the signature and parse it, then queues one run per AP event and subscribed job.
 * Unauthenticated by design (Mist cannot log in) and exempt from CSRF crumbs; the HMAC signature is the
 * authentication, so without a configured secret every request is refused.
 *
 * <p>Responses (JSON, never a stack trace): 401 bad or missing signature, 403 no secret configured,
 * 400 malformed, 413 too large, 202 when at least one run was queued, otherwise 200; each lists per event
 * what happened.
 */
@Extension
public final class MistWebhookAction extends CrumbExclusion implements UnprotectedRootAction {
    public static final String URL_NAME = "mist-webhook";
    private static final Logger LOGGER = Logger.getLogger(MistWebhookAction.class.getName());
    /** Dispatch is serialised: coalescing and hold-down decisions look at the queue and must not interleave. */
    private static final Object DISPATCH_LOCK = new Object();

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    @CheckForNull
    @Override
    public String getIconFileName() {
        return null;
    }

    @CheckForNull
    @Override
    public String getDisplayName() {
        return null;
    }

    @RequirePOST
    public HttpResponse doIndex(StaplerRequest2 req) throws IOException {
        MesaConfiguration config = MesaConfiguration.get();
        int maxBytes = config.getMaxWebhookKilobytes() * 1024;
        if (req.getContentLengthLong() > maxBytes) {
            return reject(413, "too-large", "body exceeds " + maxBytes + " bytes");
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(maxBytes + 1);
        }
        if (body.length > maxBytes) {
            return reject(413, "too-large", "body exceeds " + maxBytes + " bytes");
        }
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            Secret secret = WebhookSecret.resolve(config);
            if (secret == null) {
                WebhookSecretMonitor.refusedForMissingSecret();
                LOGGER.warning("MESA: refused a Mist webhook because no webhook secret credential is configured "
                        + "(Manage Jenkins → System → MESA)");
                return reject(403, "no-webhook-secret", "webhook secret not configured on this Jenkins");
            }
            WebhookIntake intake =
                    new WebhookIntake(new WebhookSettings(secret, config.isAllowLegacySignature(), false, maxBytes));
            WebhookBatch batch;
            try {
                batch = intake.accept(body, req::getHeader);
            } catch (WebhookRejected r) {
                LOGGER.log(Level.FINE, "MESA: webhook rejected: {0}", r.reason());
                return reject(r.httpStatus(), r.reason(), r.getMessage());
            }
            List<EventOutcome> outcomes;
            synchronized (DISPATCH_LOCK) {
                outcomes = new EventDispatcher(config, new EventGate(MesaState.get(), Clock.systemUTC()))
                        .dispatch(batch.events());
            }
            return respond(batch, outcomes);
        }
    }

    private static HttpResponse respond(WebhookBatch batch, List<EventOutcome> outcomes) {
        JSONObject o = new JSONObject();
        o.put("status", "accepted");
        o.put("topic", batch.topic());
        JSONArray events = new JSONArray();
        boolean queued = false;
        for (EventOutcome e : outcomes) {
            events.add(e.toJson());
            queued |= e.scheduledAny();
        }
        o.put("events", events);
        JSONArray ignored = new JSONArray();
        for (IgnoredEvent i : batch.ignored()) {
            JSONObject j = new JSONObject();
            j.put("index", i.index());
            j.put("type", Printable.of(i.type()));
            j.put("status", "ignored");
            j.put("why", i.why());
            ignored.add(j);
        }
        o.put("ignored", ignored);
        return new JsonHttpResponse(o, queued ? 202 : 200);
    }

    private static HttpResponse reject(int status, String reason, String message) {
        JSONObject o = new JSONObject();
        o.put("status", "rejected");
        o.put("reason", reason);
        o.put("message", Printable.of(message));
        return new JsonHttpResponse(o, status);
    }

    /** Lets Mist POST without a crumb: only this exact path, nothing below or beside it. */
    @Override
    public boolean process(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = Util.fixNull(req.getPathInfo());
        if (path.equals("/" + URL_NAME) || path.equals("/" + URL_NAME + "/")) {
            chain.doFilter(req, resp);
            return true;
        }
        return false;
    }
}
