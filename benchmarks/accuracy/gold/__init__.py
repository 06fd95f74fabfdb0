"""Hand-labelled correspondences and commitment shifts on real redrafted pairs."""
