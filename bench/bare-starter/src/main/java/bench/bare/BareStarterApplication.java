package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The bare Camunda starter the application's start-up is compared with (bench/run-all.sh startup). */
@SpringBootApplication
public class BareStarterApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareStarterApplication.class, args);
  }
}
