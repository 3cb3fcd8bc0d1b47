package org.pmo.servicelifecycle.portfolio;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portfolio page's address without its file name. */
@Controller
class PortfolioPageController {

	@GetMapping({ "/portfolio", "/portfolio/" })
	String page() {
		return "redirect:/portfolio/index.html";
	}

}
