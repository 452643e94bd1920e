fn main() {
    let s = std::fs::read_to_string("seeds/bac-giang-2023-nhiem-vu-lanh-dao.txt").unwrap();
    let n: usize = std::env::args().nth(1).unwrap().parse().unwrap();
    let mut total = 0;
    for _ in 0..n {
        let t = nghiquyet::grammar::tokens::tokenize(std::hint::black_box(&s));
        total += t.len();
    }
    println!("{total}");
}
