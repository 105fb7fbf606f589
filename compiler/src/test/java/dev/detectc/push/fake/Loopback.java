package dev.detectc.push.fake;

import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that starts a {@link FakeSiemServer} on 127.0.0.1 around each test, with a
 * fresh emulator each time: {@code @RegisterExtension final Loopback<FakeKibana> kibana = ...}.
 */
public final class Loopback<E extends Function<Recorded, Reply>> implements BeforeEachCallback, AfterEachCallback {

  private final Supplier<E> emulators;
  private E emulator;
  private FakeSiemServer server;

  private Loopback(Supplier<E> emulators) {
    this.emulators = emulators;
  }

  public static <E extends Function<Recorded, Reply>> Loopback<E> of(Supplier<E> emulators) {
    return new Loopback<>(emulators);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    emulator = emulators.get();
    server = FakeSiemServer.start(emulator);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    server.close();
  }

  public E emulator() {
    return emulator;
  }

  public FakeSiemServer server() {
    return server;
  }
}
