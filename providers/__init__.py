"""Calendar providers behind one Protocol."""
