package cn.beian.materials;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real S3 API for the tests: s3proxy 2.6.0 (filesystem backend) as its own process on a free port, from the jar
 * the build copies to target/s3proxy. The endpoint host is "localhost", the one the tests use, so presigned URLs
 * verify.
 */
public class S3TestResource implements QuarkusTestResourceLifecycleManager {

    static final String ACCESS = "test-access";
    static final String SECRET = "test-secret-key";
    static volatile Path baseDir;
    static volatile int port;
    private Process process;

    @Override
    public Map<String, String> start() {
        try {
            port = freePort();
            baseDir = Files.createTempDirectory("s3proxy-test");
            Path props = baseDir.resolveSibling(baseDir.getFileName() + ".properties");
            Files.writeString(props, String.join("\n",
                    "s3proxy.endpoint=http://localhost:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS,
                    "s3proxy.credential=" + SECRET,
                    "s3proxy.ignore-unknown-headers=true",
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + baseDir,
                    "jclouds.regions=us-east-1", ""));
            Path jar = Path.of("target/s3proxy/s3proxy.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar.toAbsolutePath() + " missing (copied by the build)");
            }
            process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                    "--properties", props.toString()))
                    .redirectErrorStream(true).redirectOutput(baseDir.resolveSibling(baseDir.getFileName() + ".log")
                            .toFile())
                    .start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (!listening(port)) {
                if (System.currentTimeMillis() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("s3proxy did not start");
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of(
                "beian.s3.endpoint", "http://localhost:" + port,
                "beian.s3.access-key", ACCESS,
                "beian.s3.secret-key", SECRET,
                "beian.s3.bucket", "test-materials");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Whether the object is in the bucket's directory on disk (s3proxy's filesystem layout: bucket/key). */
    static boolean objectOnDisk(String key) {
        return Files.exists(baseDir.resolve("test-materials").resolve(key));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
