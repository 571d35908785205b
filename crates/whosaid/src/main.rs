fn main() {
    println!("{}", whosaid::analyze("").len());
}
