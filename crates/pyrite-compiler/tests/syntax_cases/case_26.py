x +
