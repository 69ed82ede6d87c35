package io.jenkins.plugins.mesa.cso;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mesa.MesaException;
import io.jenkins.plugins.mesa.change.ChangeRequest;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.ChangeResult.Outcome;
import io.jenkins.plugins.mesa.change.PortConfigurator;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.StageTiming;
import io.jenkins.plugins.mesa.change.SwitchState;
import io.jenkins.plugins.mesa.http.HttpUnreachable;
import io.jenkins.plugins.mesa.http.Pause;
import io.jenkins.plugins.mesa.http.RetryPolicy;
import io.jenkins.plugins.mesa.http.RetryingHttp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes a switch port through Juniper CSO: log in (Keystone v3, token reused until it expires),
 * look up the device, its LAN segments and the port profile, associate them with the port, deploy,
 * and poll the deploy job until it ends or the deadline passes. Changes on one switch are
 * serialised.
 *
 * <p>The deploy is also offered as two operations — {@link #startDeploy(CsoAssignment)} returning
 * the job id and {@link #poll(String)} reading its state — so that a caller which must survive a
 * restart (the Jenkins {@code csoDeploy} step) can persist the job id and poll again later.
 */
public final class CsoPortConfigurator implements PortConfigurator {
    /** The back-end name used in configuration and results. */
    public static final String BACKEND = "cso";
    private static final Logger LOG = LoggerFactory.getLogger(CsoPortConfigurator.class);

    private final CsoSettings settings;
    private final Clock clock;
    private final Pause pause;
    private final CsoClient client;
    private final CsoInventory inventory;
    private final CsoDeployJobs jobs;
    private final SwitchLocks locks = new SwitchLocks();

    /**
     * @param http  the HTTP client every CSO call goes through (timeouts, bounded retries)
     * @param clock measures stage timings, token expiry and the deploy deadline
     * @param pause waits between job polls
     */
    public CsoPortConfigurator(CsoSettings settings, RetryingHttp http, Clock clock, Pause pause) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
        ObjectMapper json = new ObjectMapper();
        KeystoneSession session = new KeystoneSession(settings, Objects.requireNonNull(http, "http"), clock, json);
        this.client = new CsoClient(settings, http, session, json);
        this.inventory = new CsoInventory(settings, client, json);
        this.jobs = new CsoDeployJobs(settings, client, json);
    }

    /** A configurator with the settings' timeouts, the standard retry policy, the system clock and real waiting. */
    public static CsoPortConfigurator create(CsoSettings settings) {
        Clock clock = Clock.systemUTC();
        RetryingHttp http = new RetryingHttp(RetryingHttp.newClient(settings.connectTimeout()), RetryPolicy.standard(),
                Pause.REAL, settings.requestTimeout(), clock);
        return new CsoPortConfigurator(settings, http, clock, Pause.REAL);
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    /**
     * Logs in to Keystone (or reuses a live token): the preflight check of {@code mesa check}. Changes nothing.
     *
     * @throws CsoException when the login fails (wrong credentials, unreachable, unexpected answer)
     */
    public void login() {
        client.connect();
    }

    /**
     * Applies the request's profile and waits for the deploy job. A dry run looks everything up
     * and reports what would be assigned, writing nothing. CSO port profiles take no variables and
     * have no confirmed commit, so the request's {@code variables} and {@code confirmMinutes} are
     * not used; its comment is returned in the result only (CSO's association has no comment field).
     *
     * @throws CsoException {@code unknown-profile} when the request names a profile with no CSO mapping
     */
    @Override
    public ChangeResult apply(ChangeRequest request) {
        CsoProfile profile = profileFor(request);
        Run run = new Run(request);
        ReentrantLock lock = locks.of(request.target().switchName());
        lock.lock();
        try {
            run.stage(Stage.CONNECT, () -> {
                client.connect();
                return null;
            });
            CsoAssignment a = run.stage(Stage.LOOKUP, () -> inventory.assignmentFor(request, profile));
            run.diff = a.summary();
            if (request.dryRun()) {
                LOG.info("CSO dry run {}", a.summary());
                return run.result(Outcome.DRY_RUN, null, SwitchState.BEFORE, "dry run: nothing written to CSO");
            }
            LOG.info("CSO {}", a.summary());
            run.stage(Stage.LOAD, () -> {
                jobs.assign(a);
                return null;
            });
            run.jobId = run.stage(Stage.COMMIT, () -> jobs.start(a));
            LOG.info("CSO {}: deploy job {} started", request.target(), run.jobId);
            JobState end = run.stage(Stage.POLL, () -> awaitJob(run.jobId));
            return switch (end.status()) {
                case SUCCEEDED -> {
                    LOG.info("CSO {}: deploy job {} succeeded", request.target(), run.jobId);
                    yield run.result(Outcome.CHANGED, null, SwitchState.AFTER,
                            "deploy job " + run.jobId + " succeeded: " + end.message());
                }
                case FAILED -> {
                    LOG.warn("CSO {}: deploy job {} failed: {}", request.target(), run.jobId, end.message());
                    // A Junos commit is atomic: a failed deploy leaves the port as it was.
                    yield run.result(Outcome.FAILED, Stage.POLL, SwitchState.BEFORE,
                            "deploy job " + run.jobId + " failed: " + end.message());
                }
                case RUNNING -> {
                    LOG.warn("CSO {}: deploy job {} still running at the {} deadline", request.target(), run.jobId,
                            settings.deployDeadline());
                    yield run.result(Outcome.FAILED, Stage.POLL, SwitchState.UNKNOWN, "deploy job " + run.jobId
                            + " still running after the " + settings.deployDeadline() + " deadline: " + end.message());
                }
            };
        } catch (MesaException e) {
            LOG.warn("CSO {} failed at {}: {}", request.target(), run.current, e.getMessage());
            return run.result(Outcome.FAILED, run.current, leftIn(run.current, e), e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Looks up what the request would assign (device, port profile, LAN segments), writing nothing.
     *
     * @throws CsoException for an unknown profile or a failed look-up; {@link HttpUnreachable} when CSO cannot be reached
     */
    public CsoAssignment plan(ChangeRequest request) {
        CsoProfile profile = profileFor(request);
        return inventory.assignmentFor(request, profile);
    }

    /**
     * First half of a restartable deploy: associates the assignment with the port and starts the
     * deploy, serialised with other changes on the same switch.
     *
     * @return the CSO deploy job id, to be persisted and passed to {@link #poll(String)}
     * @throws CsoException when CSO refuses or answers without a job id; {@link HttpUnreachable} when unreachable
     */
    public String startDeploy(CsoAssignment assignment) {
        Objects.requireNonNull(assignment, "assignment");
        ReentrantLock lock = locks.of(assignment.target().switchName());
        lock.lock();
        try {
            LOG.info("CSO {}", assignment.summary());
            jobs.assign(assignment);
            String jobId = jobs.start(assignment);
            LOG.info("CSO {}: deploy job {} started", assignment.target(), jobId);
            return jobId;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Second half of a restartable deploy: one read of the job's state.
     *
     * @throws CsoException {@code bad-job-id} for a malformed id, or when CSO's answer cannot be read
     */
    public JobState poll(String jobId) {
        return jobs.poll(jobId);
    }

    private CsoProfile profileFor(ChangeRequest request) {
        CsoProfile profile = settings.profiles().get(request.profile());
        if (profile == null) {
            throw new CsoException("unknown-profile", "no CSO mapping for profile '" + request.profile()
                    + "' (configured: " + settings.profiles().keySet().stream().sorted().toList() + ")");
        }
        return profile;
    }

    /** Polls until the job ends or the deadline (on the injected clock) passes; a job still running then is returned as is. */
    private JobState awaitJob(String jobId) {
        Instant deadline = clock.instant().plus(settings.deployDeadline());
        JobState state = new JobState(JobState.Status.RUNNING, "not polled yet");
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isZero() || left.isNegative()) {
                return state;
            }
            try {
                pause.pause(left.compareTo(settings.pollInterval()) < 0 ? left : settings.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CsoException("interrupted", "interrupted while waiting for CSO deploy job " + jobId, e);
            }
            state = jobs.poll(jobId);
            if (state.done()) {
                return state;
            }
        }
    }

    private static SwitchState leftIn(Stage failed, MesaException e) {
        return switch (failed) {
            // Before the deploy nothing reaches the switch.
            case CONNECT, LOOKUP, LOAD -> SwitchState.BEFORE;
            // A deploy call that got no answer may have started a job.
            case COMMIT -> e instanceof HttpUnreachable ? SwitchState.UNKNOWN : SwitchState.BEFORE;
            default -> SwitchState.UNKNOWN;
        };
    }

    /** One change in progress: the stage it is in, the timings so far, and what it found. */
    private final class Run {
        private final ChangeRequest request;
        private final List<StageTiming> timings = new ArrayList<>();
        private Stage current = Stage.CONNECT;
        private String diff = "";
        private String jobId = "";

        Run(ChangeRequest request) {
            this.request = request;
        }

        <T> T stage(Stage stage, Supplier<T> work) {
            current = stage;
            Instant start = clock.instant();
            try {
                return work.get();
            } finally {
                timings.add(new StageTiming(stage, Duration.between(start, clock.instant())));
            }
        }

        ChangeResult result(Outcome outcome, Stage failedStage, SwitchState leftIn, String message) {
            return new ChangeResult(outcome, BACKEND, diff, request.comment(), jobId, timings, failedStage, leftIn, message);
        }
    }
}
