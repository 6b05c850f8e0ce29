package id.go.trenggalekkab.csirt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The incident desk of TTIS Trenggalekkab: the SOP for incident reports, run on email. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CsirtMaildeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(CsirtMaildeskApplication.class, args);
    }
}
