package org.pmo.servicelifecycle.portfolio;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The portfolio page's address without its file name. */
@Controller
class PortfolioPageController {

	@GetMapping({ "/portfolio", "/portfolio/" })
	String page() {
		return "redirect:/portfolio/index.html";
	}

	/** A customer's own page: his requests, his organisation's services and subscriptions. */
	@GetMapping({ "/portfolio/my", "/portfolio/my/" })
	String mine() {
		return "forward:/portfolio/my.html";
	}

	/** The page of one service; the page reads the code from its address. */
	@GetMapping("/portfolio/services/{code}")
	String service(@PathVariable String code) {
		return "forward:/portfolio/service.html";
	}

}
