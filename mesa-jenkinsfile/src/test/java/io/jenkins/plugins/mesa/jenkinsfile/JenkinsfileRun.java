package io.jenkins.plugins.mesa.jenkinsfile;

import com.lesfurets.jenkins.unit.BasePipelineTest;
import com.lesfurets.jenkins.unit.MethodCall;
import groovy.lang.Closure;
import io.jenkins.plugins.mesa.steps.MesaSteps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the repository's root Jenkinsfile under JenkinsPipelineUnit with MESA's step names bound to
 * a real {@link MesaSteps} facade, {@code slackSend} bound to a recorder, and the Mist event given as
 * the {@code MIST_*} environment the plugin's trigger provides.
 */
final class JenkinsfileRun {
    private final Pipeline pipeline = new Pipeline();
    private final List<Map<?, ?>> slackMessages = new ArrayList<>();
    private Throwable failure;

    /** JenkinsPipelineUnit's base class is abstract; this is only its concrete shape. */
    static final class Pipeline extends BasePipelineTest {
    }

    JenkinsfileRun(MesaSteps steps, Map<String, String> mistEnv) throws Exception {
        Path root = locateRepositoryRoot();
        pipeline.setBaseScriptRoot("");
        pipeline.setScriptRoots(new String[] {root.toString()});
        pipeline.setScriptExtension("");
        pipeline.setUp();

        Map<String, Object> env = new HashMap<>(mistEnv);
        env.put("BUILD_NUMBER", "7");
        env.put("BUILD_TAG", "jenkins-mesa-7");
        env.put("BUILD_URL", "https://jenkins.example/job/mesa/7/");
        pipeline.getBinding().setVariable("env", env);

        register("mistEvents", m -> "mistEvents");
        register("mistLookupPort", steps::lookupPort);
        register("mistCheckOutage", steps::checkOutage);
        register("mistValidateLldp", steps::validateLldp);
        register("junosApplyProfile", args -> failOnFailure("junosApplyProfile", steps.junosApplyProfile(args)));
        register("mistApplyPortProfile", args -> failOnFailure("mistApplyPortProfile", steps.mistApplyPortProfile(args)));
        register("slackSend", args -> {
            slackMessages.add(args);
            return null;
        });
        pipeline.getHelper().registerAllowedMethod("error", List.of(String.class), new Closure<Object>(this) {
            @Override
            public Object call(Object... args) {
                throw new PipelineError(String.valueOf(args[0]));
            }
        });
    }

    /** As the Jenkins step does: a failed change fails the step with its stage and the switch's state. */
    private static Map<String, Object> failOnFailure(String step, Map<String, Object> result) {
        if (Boolean.TRUE.equals(result.get("failed"))) {
            throw new PipelineError(step + " failed at stage " + result.get("failedStage") + "; switch left in "
                    + result.get("leftIn") + ": " + result.get("message"));
        }
        return result;
    }

    private void register(String name, Function<Map<String, Object>, Object> body) {
        pipeline.getHelper().registerAllowedMethod(name, List.of(Map.class), new Closure<Object>(this) {
            @Override
            @SuppressWarnings("unchecked")
            public Object call(Object... args) {
                return body.apply((Map<String, Object>) args[0]);
            }
        });
    }

    /** Runs the Jenkinsfile; a pipeline error is kept (the build result says FAILURE), not thrown. */
    JenkinsfileRun run() throws Exception {
        try {
            pipeline.runScript("Jenkinsfile");
        } catch (PipelineError e) {
            failure = e;
            pipeline.updateBuildStatus("FAILURE");
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> currentBuild() {
        return (Map<String, Object>) pipeline.getBinding().getVariable("currentBuild");
    }

    String result() {
        Object r = currentBuild().get("result");
        return r == null ? "SUCCESS" : r.toString();
    }

    String description() {
        return String.valueOf(currentBuild().get("description"));
    }

    List<Map<?, ?>> slackMessages() {
        return slackMessages;
    }

    Throwable failure() {
        return failure;
    }

    List<String> stepsCalled() {
        List<String> names = new ArrayList<>();
        for (MethodCall call : pipeline.getHelper().getCallStack()) {
            names.add(call.getMethodName());
        }
        return names;
    }

    private static Path locateRepositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("Jenkinsfile"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no Jenkinsfile above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** What {@code error} raises in a real pipeline. */
    static final class PipelineError extends RuntimeException {
        PipelineError(String message) {
            super(message);
        }
    }
}
