package io.jenkins.plugins.mesa.lab.mist;

/** An error answer of the simulated cloud: status plus Mist's {@code {"detail": …}} body. */
final class MistHttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    MistHttpError(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    static MistHttpError notFound() {
        return new MistHttpError(404, "Not Found");
    }

    static MistHttpError badRequest(String detail) {
        return new MistHttpError(400, detail);
    }
}
