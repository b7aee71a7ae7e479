package io.nextbox;

import io.nextbox.account.AddMerchantCommand;
import io.nextbox.recommendation.BenchmarkCommand;
import io.nextbox.recommendation.EvaluateCommand;
import io.nextbox.recommendation.SimulateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NextboxApplication {

	public static void main(String[] args) {
		if (args.length > 0 && EvaluateCommand.NAME.equals(args[0])) {
			System.exit(EvaluateCommand.run(args));
		}
		if (args.length > 0 && SimulateCommand.NAME.equals(args[0])) {
			System.exit(SimulateCommand.run(args));
		}
		if (args.length > 0 && BenchmarkCommand.NAME.equals(args[0])) {
			System.exit(BenchmarkCommand.run(args));
		}
		if (args.length > 0 && AddMerchantCommand.NAME.equals(args[0])) {
			System.exit(AddMerchantCommand.run(NextboxApplication.class, args));
		}
		SpringApplication.run(NextboxApplication.class, args);
	}

}
