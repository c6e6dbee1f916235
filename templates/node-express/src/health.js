// GET /healthz: {"status": "ok"} while every check resolves (a trivial database query, a
// connected Redis...), 503 {"status": "unavailable"} otherwise. Used by the Dockerfile's
// HEALTHCHECK and by `scaffold new --run`.
export function healthCheck(checks = []) {
  return async (req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      await Promise.all(checks.map((check) => check()));
      res.json({ status: 'ok' });
    } catch (error) {
      req.log.error(`Health check failed: ${error.message}`);
      res.status(503).json({ status: 'unavailable' });
    }
  };
}
