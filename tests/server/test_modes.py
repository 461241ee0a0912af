"""The other ways to run the server: --sim (the paper desk's market
simulator on the server), HTTPS with --tls-cert/--tls-key, and --help."""
import os
import shutil
import subprocess
import tempfile
import time
import unittest

from harness import BINARY, Server, main


class Modes(unittest.TestCase):
    def test_sim_runs_the_market_and_serves_its_routes(self):
        s = Server(args=("--sim",))
        try:
            sim = s.ok("GET", "/api/sim")
            self.assertIn("speed", sim)
            self.assertGreater(sim["quotes"], 0)
            first = s.last_seq()
            page = s.ok("GET", "/api/events?after=%d&wait=5000" % first)  # the market moves on its own
            self.assertGreater(len(page["events"]), 0)
            self.assertGreater(float(s.ok("GET", "/api/account")["cash"]), 0)  # a fresh desk is funded
            self.assertEqual(s.request("PUT", "/api/sim", {"speed": 10}, token=None).status, 401)
            seq = s.last_seq()
            self.assertEqual(s.stop(), 0)
            s.restart()
            self.assertGreaterEqual(s.last_seq(), seq)
        finally:
            s.close()

    @unittest.skipUnless(shutil.which("openssl"), "no openssl binary to make a certificate")
    def test_https_with_a_certificate(self):
        tmp = tempfile.mkdtemp()
        try:
            cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                            "/CN=127.0.0.1", "-keyout", key, "-out", cert], check=True, capture_output=True)
            s = Server(args=("--tls-cert", cert, "--tls-key", key))
            try:
                self.assertTrue(any(l.startswith("listening on https://") for l in s.stdout_lines))
                self.assertEqual(s.ok("GET", "/api/admin/trading/mode")["mode"], "paper")
                self.assertEqual(s.request("GET", "/api/account", token=None).status, 401)
            finally:
                s.close()
            bad = Server(args=("--tls-cert", key, "--tls-key", cert), expect_listen=False)
            try:
                self.assertEqual(bad.wait(), 1)
                self.assertIn("cannot load the TLS certificate", "\n".join(bad.stderr_lines))
            finally:
                bad.close()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def test_help_documents_every_flag_and_variable(self):
        out = subprocess.run([BINARY, "--help"], capture_output=True, text=True, timeout=10)
        self.assertEqual(out.returncode, 0)
        for word in ("--listen", "--data-dir", "--sim", "--app-dir", "--tls-cert", "--tls-key", "--max-body-bytes",
                     "--read-timeout-ms", "--write-timeout-ms", "--keep-alive-timeout", "--keep-alive-max",
                     "--threads", "--auth-fail-delay-ms", "--auth-fail-max-delay-ms", "--role", "token add",
                     "token list", "token revoke", "STONKS_DATA_DIR", "XDG_DATA_HOME", "HOME", "SIGTERM"):
            self.assertIn(word, out.stdout)
        bad = subprocess.run([BINARY, "--no-such-flag"], capture_output=True, text=True, timeout=10)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("unknown flag --no-such-flag", bad.stderr)

    def test_data_dir_from_the_environment(self):
        tmp = tempfile.mkdtemp()
        try:
            env = dict(os.environ, STONKS_DATA_DIR=os.path.join(tmp, "from-env"))
            out = subprocess.run([BINARY, "token", "add", "eve", "--role", "viewer"], capture_output=True, text=True,
                                 timeout=10, env=env)
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertTrue(os.path.exists(os.path.join(tmp, "from-env", "tokens")))
            env = {"PATH": os.environ.get("PATH", ""), "XDG_DATA_HOME": os.path.join(tmp, "xdg")}
            out = subprocess.run([BINARY, "token", "list"], capture_output=True, text=True, timeout=10, env=env)
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertTrue(os.path.isdir(os.path.join(tmp, "xdg", "stonks-oracle")))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
